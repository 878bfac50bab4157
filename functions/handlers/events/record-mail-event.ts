import type { SNSEvent } from 'aws-lambda';
import { recordMailEvent, type MailEventOutcome } from '../../operations/record-mail-event';
import { eventHandler } from '../../shared/event-handler';
import { clock } from '../../shared/clock';

/** SNS (the SES configuration set's event destination) -> one record per notification. */
export const handler = eventHandler('record-mail-event', async (event: SNSEvent) => {
  const outcomes: MailEventOutcome[] = [];
  for (const record of event.Records ?? []) {
    const published = new Date(record.Sns.Timestamp);
    outcomes.push(...await recordMailEvent(record.Sns.Message, Number.isNaN(published.getTime()) ? clock.now() : published));
  }
  return { outcomes };
});
