/** A chain of sample audit events, as the export writes it, for the tests of the chain and of `npm run verify-audit`. */
import { chainEvents, chainLine } from '../../functions/domain/audit-chain';

export function events(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    id: `evt_${String(index).padStart(26, '0')}`,
    commitmentId: `cmt_${String(index % 3).padStart(26, '0')}`,
    declarationId: 'dcl_00000000000000000000000000',
    at: new Date(Date.UTC(2027, 0, 1, 9, 0, index)).toISOString(),
    type: index === 0 ? 'INVITED' : 'SIGNED',
    actor: index % 2 ? 'operator' : 'local-commission-admin',
    detail: { organisation: 'Λιμενικό Σώμα – Ελληνική Ακτοφυλακή', reason: 'line\nbreak "quoted"', count: index },
  }));
}

export const exportOf = (count: number) => chainEvents(events(count)).map((event) => `${chainLine(event)}\n`).join('');
export const linesOf = (text: string) => text.trimEnd().split('\n');
