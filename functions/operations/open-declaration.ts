import type { Declaration } from '../domain/declaration';
import { DomainError } from '../domain/errors';
import type { Caller } from '../shared/access';
import { adminActor } from '../store/audit';
import { changeDeclarationStatus } from '../store/declarations';
import { refuseIncomplete } from './create-declaration';
import { loadDeclaration } from './load';
import { clock } from '../shared/clock';

/** Opens a draft for signing: invitations become possible and the text can no longer change. */
export async function openDeclaration(declarationId: string, caller: Caller, now = clock.now()): Promise<Declaration> {
  const current = await loadDeclaration(declarationId);
  if (current.status === 'OPEN') return current;
  if (current.status === 'DRAFT') refuseIncomplete(current, 'WRONG_STATE');
  if (current.status !== 'DRAFT' || !(await changeDeclarationStatus(declarationId, 'DRAFT', 'OPEN', 'openedAt', { type: 'DECLARATION_OPENED', ...adminActor(caller) }, now))) {
    const latest = await loadDeclaration(declarationId);
    if (latest.status === 'OPEN') return latest;
    throw new DomainError('WRONG_STATE', `Only a draft can be opened for signing; this declaration is ${latest.status}.`);
  }
  return loadDeclaration(declarationId);
}
