import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository (not read from infra/handler-function.ts, which would load the CDK into this test). */
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export const SES_EVENT_FIXTURES = ['bounce', 'complaint', 'reject', 'delivery-delay'] as const;
export type SesEventFixture = (typeof SES_EVENT_FIXTURES)[number];

type Json = Record<string, any>;

/**
 * A recorded SNS notification of an SES event (`test/fixtures/ses-events/<name>.json`), made to
 * speak about one of our emails: its commitment tag, its SES message id and its recipient.
 */
export function sesEventNotification(name: SesEventFixture, about: { commitmentId: string; address: string; messageId: string; purpose?: string }): Json {
  const notification = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'ses-events', `${name}.json`), 'utf8')) as Json;
  const event = JSON.parse(notification.Message as string) as Json;
  event.mail.messageId = about.messageId;
  event.mail.commonHeaders.messageId = about.messageId;
  event.mail.destination = [about.address];
  event.mail.tags.commitmentId = [about.commitmentId];
  if (about.purpose) event.mail.tags.mailPurpose = [about.purpose];
  for (const recipients of [event.bounce?.bouncedRecipients, event.complaint?.complainedRecipients, event.deliveryDelay?.delayedRecipients]) {
    for (const recipient of recipients ?? []) recipient.emailAddress = about.address;
  }
  return { ...notification, Message: JSON.stringify(event) };
}

/** Feeds one SNS notification to the local stack's mail event functions, as SNS would. */
export async function publishMailEvent(appUrl: string, notification: Json): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${appUrl}/local/events/mail-events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(notification) });
  return { status: response.status, body: (await response.json()) as Json };
}
