import * as z from './zod';
import { COMMITMENT_STATES, emailAddress, type CommitmentState, type ContactProblem } from './commitment';

/**
 * Who in the Commission team hears what needs them, per declaration: the addresses to notify and
 * which kinds of notification are on. Each event notification names one event (a flagged
 * signature, a failed commitment, an undeliverable contact, a decline); the digest sums a day up.
 */
export const NOTIFICATION_KINDS = ['review', 'failure', 'undeliverable', 'declined', 'digest'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type EventNotificationKind = Exclude<NotificationKind, 'digest'>;

export interface NotificationSettings {
  /** Commission staff to notify; none: nobody is notified. */
  readonly addresses: readonly string[];
  /** Each kind on or off; every kind is on unless switched off. */
  readonly kinds: Readonly<Record<NotificationKind, boolean>>;
}

export const MAX_NOTIFY_ADDRESSES = 20;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  addresses: [],
  kinds: { review: true, failure: true, undeliverable: true, declined: true, digest: true },
};

const kindSwitch = (kind: NotificationKind) => z._default(z.boolean({ error: `notifications.kinds.${kind} must be true or false` }), true);

export const notificationSettingsSchema = z.pipe(
  z.strictObject({
    addresses: z._default(
      z.array(emailAddress, { error: 'notifications.addresses must be a list of email addresses' })
        .check(z.maxLength(MAX_NOTIFY_ADDRESSES, `list at most ${MAX_NOTIFY_ADDRESSES} addresses to notify`)),
      [],
    ),
    kinds: z._default(
      z.strictObject(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, kindSwitch(kind)])) as Record<NotificationKind, ReturnType<typeof kindSwitch>>),
      { ...DEFAULT_NOTIFICATION_SETTINGS.kinds },
    ),
  }, { error: 'notifications must be an object with "addresses" and "kinds"' }),
  // The same address twice would get every email twice.
  z.transform((settings): NotificationSettings => ({ addresses: [...new Set(settings.addresses)], kinds: settings.kinds })),
);

export type NotificationSettingsInput = z.input<typeof notificationSettingsSchema>;

/**
 * `PUT .../notifications` replaces the settings whole: it names the addresses (an empty list
 * notifies nobody) and the kinds (each one left out stays on), so an empty body is refused
 * instead of silently emptying the list.
 */
export const notificationSettingsUpdateSchema = z.pipe(
  z.strictObject({
    addresses: z.array(emailAddress, { error: 'addresses must be a list of email addresses (an empty list notifies nobody)' })
      .check(z.maxLength(MAX_NOTIFY_ADDRESSES, `list at most ${MAX_NOTIFY_ADDRESSES} addresses to notify`)),
    kinds: z.strictObject(
      Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, kindSwitch(kind)])) as Record<NotificationKind, ReturnType<typeof kindSwitch>>,
      { error: `kinds must switch each kind on or off: ${NOTIFICATION_KINDS.join(', ')}` },
    ),
  }, { error: 'send {"addresses": [...], "kinds": {...}}' }),
  z.transform((settings): NotificationSettings => ({ addresses: [...new Set(settings.addresses)], kinds: settings.kinds })),
);

/** Settings stored before notifications existed read as the defaults. */
export function notificationSettingsOf(declaration: { readonly notifications?: NotificationSettings }): NotificationSettings {
  const stored = declaration.notifications;
  if (!stored) return DEFAULT_NOTIFICATION_SETTINGS;
  return { addresses: stored.addresses ?? [], kinds: { ...DEFAULT_NOTIFICATION_SETTINGS.kinds, ...stored.kinds } };
}

/** The addresses to email for one kind: none when the kind is off or nobody is listed. */
export function recipientsFor(settings: NotificationSettings, kind: NotificationKind): readonly string[] {
  return settings.kinds[kind] ? settings.addresses : [];
}

/** The audit event type each event notification follows. */
export const NOTIFIED_EVENT_TYPES: Readonly<Record<EventNotificationKind, readonly string[]>> = {
  review: ['FLAGGED_FOR_REVIEW'],
  failure: ['FAILED'],
  undeliverable: ['MAIL_BOUNCED', 'MAIL_COMPLAINED', 'MAIL_REJECTED'],
  declined: ['DECLINED'],
};

/**
 * Whether an undeliverable report deserves an email: a bounce, complaint or reject about the
 * address the organisation still uses. A delay is not (SES keeps trying), nor a report about an
 * address an admin has already corrected.
 */
export function isUndeliverableNotice(problem: Pick<ContactProblem, 'kind'>, aboutCurrentContact: boolean): boolean {
  return aboutCurrentContact && problem.kind !== 'DELIVERY_DELAY';
}

/**
 * The key of one notification email: at most one per (declaration, kind, event) and address, so
 * that a retry after a failed send reaches the addresses not yet sent to, and no other twice.
 */
export function notificationClaimKind(kind: EventNotificationKind, eventId: string, address: string): string {
  return `${kind}#${eventId}#${address}`;
}

/** The digest's day (UTC, `YYYY-MM-DD`): at most one digest per declaration, day and address. */
export function digestDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function digestClaimKind(day: string, address: string): string {
  return `digest#${day}#${address}`;
}

/** The next instant at `hourUtc`:00 UTC strictly after `after`. */
export function nextDigestAt(after: Date, hourUtc: number): Date {
  const candidate = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), hourUtc));
  if (candidate.getTime() <= after.getTime()) candidate.setUTCDate(candidate.getUTCDate() + 1);
  return candidate;
}

/** What one commitment contributes to the digest. */
export interface DigestCommitment {
  readonly state: CommitmentState;
  readonly undeliverable?: Pick<ContactProblem, 'kind'>;
}

export interface DigestContent {
  readonly total: number;
  /** Every state, in lifecycle order, with its count (zeros included, so that the table is stable). */
  readonly byState: readonly { readonly state: CommitmentState; readonly count: number }[];
  /** What waits for the Commission team. */
  readonly waiting: { readonly reviews: number; readonly countersignatures: number; readonly undeliverable: number };
  /** What changed since the last digest (or since the declaration opened), by audit event type. */
  readonly changes: readonly { readonly type: string; readonly count: number }[];
  readonly since: string;
}

/** The digest of one declaration: counts by state, what waits for the team, what changed since `since`. */
export function digestContent(commitments: readonly DigestCommitment[], changedEventTypes: readonly string[], since: string): DigestContent {
  const counts = new Map<CommitmentState, number>();
  for (const commitment of commitments) counts.set(commitment.state, (counts.get(commitment.state) ?? 0) + 1);
  const changeCounts = new Map<string, number>();
  for (const type of changedEventTypes) changeCounts.set(type, (changeCounts.get(type) ?? 0) + 1);
  const waiting = {
    reviews: counts.get('IN_REVIEW') ?? 0,
    countersignatures: counts.get('VERIFIED') ?? 0,
    // A delay is SES still trying; a bounce, complaint or reject waits for an admin to correct the address.
    undeliverable: commitments.filter((commitment) => commitment.undeliverable && commitment.undeliverable.kind !== 'DELIVERY_DELAY').length,
  };
  const changes = [...changeCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type, count]) => ({ type, count }));
  return {
    total: commitments.length,
    byState: COMMITMENT_STATES.map((state) => ({ state, count: counts.get(state) ?? 0 })),
    waiting,
    changes,
    since,
  };
}
