import { ENV } from '../catalog';
import { textFor, type Declaration } from '../domain/declaration';
import { digestClaimKind, digestContent, digestDay, notificationSettingsOf, recipientsFor } from '../domain/notifications';
import { digestMessage } from '../mail/messages';
import { sendEmail } from '../mail/send-email';
import { clock } from '../shared/clock';
import { appUrl, requiredEnv } from '../shared/config';
import { loggableError, logger } from '../shared/logger';
import { listCommitments } from '../store/commitments';
import { getDeclaration, listDeclarations } from '../store/declarations';
import { claimNotification, eventTypesSince, previousDigestAt, recordNotificationSent, releaseNotificationClaim } from '../store/notifications';
import { mapWithConcurrency } from './concurrency';

export interface DigestRunResult {
  readonly day: string;
  /** Open declarations that have the digest on and someone to send it to. */
  readonly declarations: number;
  /** Emails sent by this run (a repeated run of the same day sends none). */
  readonly sent: number;
  /** Declarations whose digest failed; the others were sent. */
  readonly failed: number;
}

/**
 * The daily digest: for every open declaration with the digest on, one email per listed address
 * and day, claimed per (declaration, day, address) before sending, so that a repeated or
 * overlapping run sends nobody a second digest. Drafts and closed declarations get none.
 */
export async function sendDailyDigest(now = clock.now()): Promise<DigestRunResult> {
  const day = digestDay(now);
  const open = (await listDeclarations()).filter((summary) => summary.status === 'OPEN');
  let declarations = 0;
  let failed = 0;
  const sentCounts = await mapWithConcurrency(open, 4, async (summary) => {
    const declaration = await getDeclaration(summary.id);
    if (declaration?.status !== 'OPEN') return 0;
    const recipients = recipientsFor(notificationSettingsOf(declaration), 'digest');
    if (recipients.length === 0) return 0;
    declarations += 1;
    try {
      return await sendDigest(declaration, recipients, day, now);
    } catch (error) {
      // One declaration's failure must not keep the others' digests back; the run fails after them, so that it is retried.
      failed += 1;
      logger.error('digest failed', { declarationId: declaration.id, error: loggableError(error) });
      return 0;
    }
  });
  const sent = sentCounts.reduce((sum, count) => sum + count, 0);
  logger.info('daily digest', { day, declarations, sent, failed });
  if (failed > 0) throw new Error(`the digest of ${failed} declaration(s) failed; a retry sends what is missing`);
  return { day, declarations, sent, failed };
}

async function sendDigest(declaration: Declaration, recipients: readonly string[], day: string, now: Date): Promise<number> {
  const since = (await previousDigestAt(declaration.id, day)) ?? declaration.openedAt ?? declaration.createdAt;
  const [commitments, changedTypes] = await Promise.all([listCommitments(declaration.id), eventTypesSince(declaration.id, since, now.toISOString())]);
  const content = digestContent(commitments, changedTypes, since);
  const email = digestMessage({
    ...content,
    declarationTitle: textFor(declaration, 'en').text.title,
    day,
    consoleUrl: `${appUrl()}/console/declarations/${encodeURIComponent(declaration.id)}`,
    contactAddress: requiredEnv(ENV.commissionContactAddress),
  });
  let sent = 0;
  for (const address of recipients) {
    const claim = digestClaimKind(day, address);
    if (!(await claimNotification(declaration.id, claim))) continue;
    try {
      await recordNotificationSent(declaration.id, claim, await sendEmail({ ...email, to: { name: 'European Commission', address } }));
      sent += 1;
    } catch (error) {
      await releaseNotificationClaim(declaration.id, claim).catch(() => undefined);
      throw error;
    }
  }
  return sent;
}
