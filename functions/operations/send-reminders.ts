import { clock } from '../shared/clock';
import { DomainError } from '../domain/errors';
import type { Caller } from '../shared/access';
import { getCommitment, listCommitments } from '../store/commitments';
import { mapWithConcurrency } from './concurrency';
import { loadDeclaration } from './load';
import { sendSigningLink, signingLinkExpiry } from './send-signing-link';

export interface ReminderResult {
  readonly commitmentId: string;
  readonly result: 'sent' | 'already-sent' | 'not-awaiting' | 'not-found';
  readonly message: string;
}

/** One commitment, or the listed (or all awaiting) commitments of a declaration; `clickId` names the admin's click. */
export type ReminderRequest =
  | { readonly commitmentId: string; readonly clickId: string }
  | { readonly declarationId: string; readonly clickId: string; readonly selection: { readonly commitmentIds?: readonly string[]; readonly allAwaiting?: boolean } };

/**
 * Reminds one organisation now (refusing a commitment that does not exist or awaits no signature),
 * or several, reporting on each.
 */
export async function sendReminders(request: ReminderRequest, caller: Caller): Promise<ReminderResult[]> {
  if ('declarationId' in request) return remindMany(request.declarationId, request.selection, request.clickId, caller);
  const result = await remindNow(request.commitmentId, request.clickId, caller);
  if (result.result === 'not-found') throw new DomainError('NOT_FOUND', `There is no commitment ${request.commitmentId}.`);
  if (result.result === 'not-awaiting') throw new DomainError('WRONG_STATE', result.message);
  return [result];
}

/**
 * Sends a reminder now, with a fresh link, to an organisation that has not signed yet. The email
 * is claimed once per click id, so a double click or a retried request sends one email.
 */
async function remindNow(commitmentId: string, clickId: string, caller: Caller, declarationId?: string, now = clock.now()): Promise<ReminderResult> {
  const commitment = await getCommitment(commitmentId);
  if (!commitment || (declarationId !== undefined && commitment.declarationId !== declarationId)) {
    return { commitmentId, result: 'not-found', message: 'No such commitment in this declaration.' };
  }
  if (commitment.state !== 'INVITED') {
    return { commitmentId, result: 'not-awaiting', message: `Only invitations awaiting a signature can be reminded; this one is ${commitment.state}.` };
  }
  const declaration = await loadDeclaration(commitment.declarationId);
  if (declaration.status !== 'OPEN') return { commitmentId, result: 'not-awaiting', message: `The declaration is ${declaration.status}; no reminders can be sent.` };
  if (signingLinkExpiry(commitment, declaration).getTime() <= now.getTime()) {
    return { commitmentId, result: 'not-awaiting', message: 'Its signing window has ended; a new link would not work.' };
  }
  const sent = await sendSigningLink(commitment, 1, { clickId, requestedBy: caller });
  return sent === 'sent'
    ? { commitmentId, result: 'sent', message: `Reminder sent to ${commitment.organisation.email} with a fresh link.` }
    : { commitmentId, result: 'already-sent', message: 'This reminder was already sent.' };
}

/** Reminds the listed commitments, or every one still awaiting a signature; reports per commitment. */
async function remindMany(declarationId: string, selection: { commitmentIds?: readonly string[]; allAwaiting?: boolean }, clickId: string, caller: Caller): Promise<ReminderResult[]> {
  await loadDeclaration(declarationId);
  const ids = selection.allAwaiting
    ? (await listCommitments(declarationId)).filter((commitment) => commitment.state === 'INVITED').map((commitment) => commitment.id)
    : [...new Set(selection.commitmentIds ?? [])];
  // SES accounts send tens of emails a second; more in flight would only be throttled.
  return mapWithConcurrency(ids, 8, (id) => remindNow(id, clickId, caller, declarationId));
}
