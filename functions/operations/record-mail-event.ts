import { readMailNotification } from '../domain/mail-events';
import { logger } from '../shared/logger';
import { mailEventId, recordContactProblem, type RecordContactProblemResult } from '../store/contacts';
import { notifyTeam } from './notify-team';
import { clock } from '../shared/clock';

export interface MailEventOutcome {
  readonly commitmentId?: string;
  readonly result: RecordContactProblemResult | 'ignored';
}

/**
 * Records one SES notification (the JSON `Message` of an SNS notification): each recipient it
 * reports on marks that commitment's contact undeliverable, once per SES event. Logs carry the
 * commitment id and the kind of problem, never an address.
 */
export async function recordMailEvent(message: string, receivedAt = clock.now()): Promise<MailEventOutcome[]> {
  const reading = readMailNotification(message, receivedAt);
  if (reading.kind === 'ignored') {
    logger.info('mail event ignored', { reason: reading.reason });
    return [{ result: 'ignored' }];
  }
  const outcomes: MailEventOutcome[] = [];
  for (const report of reading.reports) {
    const result = await recordContactProblem(report.commitmentId, report.eventKey, report.problem);
    logger.info('mail problem reported', { commitmentId: report.commitmentId, kind: report.problem.kind, permanent: report.problem.permanent, result });
    outcomes.push({ commitmentId: report.commitmentId, result });
    // A repeated report notifies too: its claims let through only what a failed attempt did not send.
    if (result === 'marked' || result === 'duplicate') await notifyTeam(report.commitmentId, 'undeliverable', mailEventId(report.eventKey));
  }
  return outcomes;
}
