import * as z from './zod';
import type { ContactProblem } from './commitment';
import { ID_PATTERN } from './ids';

/**
 * SES event publishing (configuration set -> SNS): the notifications about mail we sent that
 * matter to an admin. Every email the product sends carries the message tags below, which SES
 * hands back in `mail.tags`, so a notification names its commitment without any lookup.
 */
export const MAIL_TAGS = { commitmentId: 'commitmentId', purpose: 'mailPurpose' } as const;

/** SES message tag values may hold letters, digits, `_`, `-` and `.`, at most 256 characters. */
function tagValue(value: string): string {
  return value.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 256) || '_';
}

/** The SES message tags for one email about a commitment. */
export function mailTags(commitmentId: string, purpose: string): Record<string, string> {
  return { [MAIL_TAGS.commitmentId]: tagValue(commitmentId), [MAIL_TAGS.purpose]: tagValue(purpose) };
}

const recipient = z.looseObject({ emailAddress: z.string(), status: z.optional(z.string()), diagnosticCode: z.optional(z.string()) });

const sesNotification = z.looseObject({
  // Configuration-set event publishing says eventType; identity notifications say notificationType.
  eventType: z.optional(z.string()),
  notificationType: z.optional(z.string()),
  mail: z.looseObject({
    messageId: z.string().check(z.minLength(1)),
    timestamp: z.optional(z.string()),
    destination: z._default(z.array(z.string()), []),
    tags: z._default(z.record(z.string(), z.array(z.string())), {}),
  }),
  bounce: z.optional(z.looseObject({
    bounceType: z.string(),
    bounceSubType: z.optional(z.string()),
    feedbackId: z.optional(z.string()),
    timestamp: z.optional(z.string()),
    bouncedRecipients: z._default(z.array(recipient), []),
  })),
  complaint: z.optional(z.looseObject({
    feedbackId: z.optional(z.string()),
    timestamp: z.optional(z.string()),
    complaintFeedbackType: z.optional(z.string()),
    complainedRecipients: z._default(z.array(recipient), []),
  })),
  reject: z.optional(z.looseObject({ reason: z.optional(z.string()) })),
  deliveryDelay: z.optional(z.looseObject({
    delayType: z.optional(z.string()),
    expirationTime: z.optional(z.string()),
    timestamp: z.optional(z.string()),
    delayedRecipients: z._default(z.array(recipient), []),
  })),
});

/** One SES report about one recipient of one email, ready to record. */
export interface MailReport {
  readonly commitmentId: string;
  /** Unique per SES event, so that a notification delivered twice is recorded once. */
  readonly eventKey: string;
  readonly problem: ContactProblem;
}

export type MailNotificationReading =
  | { readonly kind: 'reports'; readonly reports: readonly MailReport[] }
  | { readonly kind: 'ignored'; readonly reason: string };

/**
 * Reads one SES notification (the `Message` of an SNS notification). Sends, deliveries, opens
 * and the like are ignored; so is mail without our commitment tag (nothing to mark).
 */
export function readMailNotification(message: string, receivedAt: Date): MailNotificationReading {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return { kind: 'ignored', reason: 'not JSON' };
  }
  const parsed = sesNotification.safeParse(json);
  if (!parsed.success) return { kind: 'ignored', reason: 'not an SES notification' };
  const notification = parsed.data;
  const type = notification.eventType ?? notification.notificationType ?? '';
  const commitmentId = notification.mail.tags[MAIL_TAGS.commitmentId]?.[0];
  if (!commitmentId || !ID_PATTERN.test(commitmentId)) return { kind: 'ignored', reason: `${type || 'event'} without a commitment tag` };
  const mailPurpose = notification.mail.tags[MAIL_TAGS.purpose]?.[0];
  const sesMessageId = notification.mail.messageId;
  const reportedAt = receivedAt.toISOString();
  const base = { sesMessageId, reportedAt, ...(mailPurpose ? { mailPurpose } : {}) };
  const report = (eventId: string, address: string, problem: Omit<ContactProblem, 'address' | 'sesMessageId' | 'reportedAt' | 'mailPurpose'>): MailReport => ({
    commitmentId,
    eventKey: `${type}#${eventId}#${plainAddress(address)}`,
    problem: { ...problem, ...base, address: plainAddress(address) },
  });

  switch (type) {
    case 'Bounce': {
      const bounce = notification.bounce;
      if (!bounce) return { kind: 'ignored', reason: 'Bounce without details' };
      const permanent = bounce.bounceType === 'Permanent';
      const eventId = bounce.feedbackId ?? `${sesMessageId}@${bounce.timestamp ?? ''}`;
      return {
        kind: 'reports',
        reports: bounce.bouncedRecipients.map((to) => report(eventId, to.emailAddress, {
          kind: 'BOUNCE',
          permanent,
          detail: permanent
            ? `The receiving mail server refused the email (${describeBounce(bounce.bounceSubType)}${statusOf(to)}). Check the address with the organisation and correct it.`
            : `The email bounced for a reason that may pass (${describeBounce(bounce.bounceSubType)}${statusOf(to)}), such as a full mailbox.`,
        })),
      };
    }
    case 'Complaint': {
      const complaint = notification.complaint;
      if (!complaint) return { kind: 'ignored', reason: 'Complaint without details' };
      const eventId = complaint.feedbackId ?? `${sesMessageId}@${complaint.timestamp ?? ''}`;
      const recipients = complaint.complainedRecipients.length > 0 ? complaint.complainedRecipients : notification.mail.destination.map((emailAddress) => ({ emailAddress }));
      return {
        kind: 'reports',
        reports: recipients.map((to) => report(eventId, to.emailAddress, {
          kind: 'COMPLAINT',
          permanent: true,
          detail: 'The recipient (or their mail provider) reported the email as unwanted; SES will not send to this address again. '
            + 'Contact the organisation another way before sending anything more.',
        })),
      };
    }
    case 'Reject':
      return {
        kind: 'reports',
        reports: notification.mail.destination.map((address) => report(sesMessageId, address, {
          kind: 'REJECT',
          permanent: true,
          detail: `SES refused to send the email${notification.reject?.reason ? ` (${notification.reject.reason})` : ''}; nothing reached the organisation.`,
        })),
      };
    case 'DeliveryDelay': {
      const delay = notification.deliveryDelay;
      if (!delay) return { kind: 'ignored', reason: 'DeliveryDelay without details' };
      const eventId = `${sesMessageId}@${delay.timestamp ?? ''}`;
      return {
        kind: 'reports',
        reports: delay.delayedRecipients.map((to) => report(eventId, to.emailAddress, {
          kind: 'DELIVERY_DELAY',
          permanent: false,
          detail: `The email is delayed (${delay.delayType ?? 'reason not given'}${statusOf(to)}); SES keeps trying`
            + `${delay.expirationTime ? ` until ${delay.expirationTime}` : ''}.`,
        })),
      };
    }
    default:
      return { kind: 'ignored', reason: `${type || 'untyped'} event` };
  }
}

function describeBounce(subType: string | undefined): string {
  switch (subType) {
    case 'NoEmail': return 'the address does not exist';
    case 'Suppressed': return 'the address is on the suppression list after earlier bounces';
    case 'OnAccountSuppressionList': return 'the address is on this account\'s suppression list';
    case 'MailboxFull': return 'the mailbox is full';
    case 'MessageTooLarge': return 'the email is too large for the mailbox';
    case 'ContentRejected': return 'the receiving server rejected the content';
    case 'AttachmentRejected': return 'the receiving server rejected the attachment';
    default: return subType ? `${subType.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}` : 'no reason given';
  }
}

/** `x@y`, also from `"Name" <x@y>`, lower case as invitations store it. */
function plainAddress(address: string): string {
  return (/<([^<>]+)>\s*$/.exec(address)?.[1] ?? address).trim().toLowerCase();
}

function statusOf(recipient: { status?: string }): string {
  return recipient.status ? `, status ${recipient.status}` : '';
}
