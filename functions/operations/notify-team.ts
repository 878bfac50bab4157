import { ENV } from '../catalog';
import type { Commitment } from '../domain/commitment';
import { textFor, type Declaration } from '../domain/declaration';
import { isUndeliverableNotice, NOTIFIED_EVENT_TYPES, notificationClaimKind, notificationSettingsOf, recipientsFor, type EventNotificationKind } from '../domain/notifications';
import { teamEventMessage, type TeamEventMessageInput } from '../mail/messages';
import { sendEmail } from '../mail/send-email';
import { appUrl, requiredEnv } from '../shared/config';
import { isTransient, TransientError } from '../shared/errors';
import { logger } from '../shared/logger';
import { listCommitmentEvents, type AuditEvent } from '../store/audit';
import { claimNotification, recordNotificationSent, releaseNotificationClaim } from '../store/notifications';
import { loadCommitment, loadDeclaration } from './load';

export interface NotifyTeamResult {
  /** `sent`: emails went out now; `already-sent`: every address had it; `off`: the kind is switched off or nobody is listed; `no-event`: nothing to tell. */
  readonly result: 'sent' | 'already-sent' | 'off' | 'no-event';
  readonly sent: number;
}

/**
 * Emails the Commission team about the latest event of `kind` on a commitment (a flagged
 * signature, a failure, a decline, an undeliverable contact), when the declaration has the kind
 * on. Each address is claimed per (declaration, kind, event id) before its email is sent, so a
 * retried or repeated call sends nobody the same notification twice. `eventId` names the event
 * when the caller knows it (a mail report); else the commitment's latest event of that kind.
 */
export async function notifyTeam(commitmentId: string, kind: EventNotificationKind, eventId?: string): Promise<NotifyTeamResult> {
  const commitment = await loadCommitment(commitmentId);
  // The settings may change while a declaration is open: read them fresh, not from the kept content.
  const declaration = await loadDeclaration(commitment.declarationId);
  const recipients = recipientsFor(notificationSettingsOf(declaration), kind);
  if (recipients.length === 0) return { result: 'off', sent: 0 };
  const event = latestEvent(await listCommitmentEvents(commitmentId), kind, eventId);
  if (!event) return { result: 'no-event', sent: 0 };
  if (kind === 'undeliverable' && !isUndeliverableNotice({ kind: String(event.detail?.kind) as 'BOUNCE' }, event.detail?.currentContact === true)) return { result: 'no-event', sent: 0 };
  const email = teamEventMessage(eventInput(declaration, commitment, kind, event));
  let sent = 0;
  for (const address of recipients) {
    const claim = notificationClaimKind(kind, eventId ?? event.id, address);
    if (!(await claimNotification(declaration.id, claim))) continue;
    try {
      const messageId = await sendEmail({ ...email, to: { name: 'European Commission', address } });
      await recordNotificationSent(declaration.id, claim, messageId);
      sent += 1;
    } catch (error) {
      await releaseNotificationClaim(declaration.id, claim).catch(() => undefined);
      if (isTransient(error)) throw new TransientError(`notifying the team (${kind}) failed: ${(error as Error).message}`, { cause: error });
      throw error;
    }
  }
  logger.info('team notified', { commitmentId, kind, sent });
  return { result: sent > 0 ? 'sent' : 'already-sent', sent };
}

function latestEvent(events: readonly AuditEvent[], kind: EventNotificationKind, eventId: string | undefined): AuditEvent | undefined {
  const types = NOTIFIED_EVENT_TYPES[kind];
  const matching = events.filter((event) => types.includes(event.type) && (eventId === undefined || event.detail?.eventKey === eventId || event.id === eventId));
  return matching.sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at.localeCompare(b.at))).at(-1);
}

function eventInput(declaration: Declaration, commitment: Commitment, kind: EventNotificationKind, event: AuditEvent): TeamEventMessageInput {
  const detail = event.detail ?? {};
  const notice: TeamEventMessageInput['notice'] = (() => {
    switch (kind) {
      case 'review':
        return { kind, checks: (commitment.verification?.checks ?? []).filter((check) => !check.passed).map((check) => check.detail) };
      case 'failure':
        return { kind, step: commitment.failure?.stateAtFailure ?? String(detail.stateAtFailure ?? 'unknown') };
      case 'undeliverable':
        return { kind, problem: (detail.kind as 'BOUNCE' | 'COMPLAINT' | 'REJECT') ?? 'BOUNCE', detail: String(detail.detail ?? ''), address: String(detail.address ?? commitment.organisation.email) };
      case 'declined':
        return { kind, reason: String(detail.reason ?? commitment.decline?.reason ?? '') };
    }
  })();
  return {
    declarationTitle: textFor(declaration, 'en').text.title,
    organisationName: commitment.organisation.name,
    country: commitment.organisation.country,
    notice,
    consoleUrl: `${appUrl()}/console/commitments/${encodeURIComponent(commitment.id)}`,
    contactAddress: requiredEnv(ENV.commissionContactAddress),
  };
}
