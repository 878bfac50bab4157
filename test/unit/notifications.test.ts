import { describe, expect, it } from 'vitest';
import { createDeclarationSchema, updateDeclarationSchema } from '../../functions/domain/declaration';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  digestClaimKind,
  digestContent,
  digestDay,
  isUndeliverableNotice,
  nextDigestAt,
  notificationClaimKind,
  notificationSettingsOf,
  notificationSettingsSchema,
  notificationSettingsUpdateSchema,
  recipientsFor,
} from '../../functions/domain/notifications';
import { digestMessage, teamEventMessage } from '../../functions/mail/messages';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';

describe('who in the Commission team is notified', () => {
  it('notifies nobody until addresses are listed, with every kind on by default', () => {
    const parsed = createDeclarationSchema.parse(sampleDeclaration());
    expect(parsed.notifications).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    expect(recipientsFor(parsed.notifications, 'declined')).toEqual([]);
    expect(notificationSettingsOf({})).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
  });

  it('takes addresses trimmed, in lower case and once each, and keeps unnamed kinds on', () => {
    const settings = notificationSettingsSchema.parse({ addresses: [' Team@EC.example ', 'team@ec.example', 'desk@ec.example'], kinds: { digest: false } });
    expect(settings).toEqual({ addresses: ['team@ec.example', 'desk@ec.example'], kinds: { review: true, failure: true, undeliverable: true, declined: true, digest: false } });
    expect(recipientsFor(settings, 'review')).toEqual(['team@ec.example', 'desk@ec.example']);
    expect(recipientsFor(settings, 'digest')).toEqual([]);
  });

  it('refuses a bad address, an unknown kind, a switch that is not true or false, and too many addresses, saying which', () => {
    const message = (input: unknown) => notificationSettingsSchema.safeParse(input).error?.issues.map((issue) => issue.message).join('; ');
    expect(message({ addresses: ['not an address'] })).toContain('valid address');
    expect(message({ kinds: { weekly: true } })).toMatch(/weekly/);
    expect(message({ kinds: { review: 'yes' } })).toBe('notifications.kinds.review must be true or false');
    expect(message({ addresses: Array.from({ length: 21 }, (_, i) => `a${i}@ec.example`) })).toBe('list at most 20 addresses to notify');
    expect(updateDeclarationSchema.safeParse({ ...sampleDeclaration(), notifications: { addresses: 'team@ec.example' } }).success).toBe(false);
  });

  it('takes a replacement of the settings only when it names the addresses and the kinds, so that an empty body empties nothing', () => {
    expect(notificationSettingsUpdateSchema.safeParse({}).success).toBe(false);
    expect(notificationSettingsUpdateSchema.safeParse({ addresses: ['a@ec.example'] }).error?.issues[0]?.message).toMatch(/^kinds must switch each kind on or off/);
    expect(notificationSettingsUpdateSchema.parse({ addresses: [], kinds: { digest: false } })).toEqual({ addresses: [], kinds: { review: true, failure: true, undeliverable: true, declined: true, digest: false } });
  });

  it('emails about bounces, complaints and rejects of the address still in use, not about delays or a corrected address', () => {
    expect(isUndeliverableNotice({ kind: 'BOUNCE' }, true)).toBe(true);
    expect(isUndeliverableNotice({ kind: 'COMPLAINT' }, true)).toBe(true);
    expect(isUndeliverableNotice({ kind: 'REJECT' }, true)).toBe(true);
    expect(isUndeliverableNotice({ kind: 'DELIVERY_DELAY' }, true)).toBe(false);
    expect(isUndeliverableNotice({ kind: 'BOUNCE' }, false)).toBe(false);
  });

  it('claims one email per event and address, and one digest per day and address', () => {
    expect(notificationClaimKind('declined', 'evt_1', 'a@ec.example')).not.toBe(notificationClaimKind('declined', 'evt_2', 'a@ec.example'));
    expect(notificationClaimKind('declined', 'evt_1', 'a@ec.example')).not.toBe(notificationClaimKind('review', 'evt_1', 'a@ec.example'));
    expect(digestClaimKind(digestDay(new Date('2027-02-03T07:00:00Z')), 'a@ec.example')).toBe(digestClaimKind(digestDay(new Date('2027-02-03T23:59:59Z')), 'a@ec.example'));
  });
});

describe('the digest', () => {
  it('falls due at the configured hour, the same day when it is still ahead, else the next day', () => {
    expect(nextDigestAt(new Date('2027-02-03T06:59:00Z'), 7).toISOString()).toBe('2027-02-03T07:00:00.000Z');
    expect(nextDigestAt(new Date('2027-02-03T07:00:00Z'), 7).toISOString()).toBe('2027-02-04T07:00:00.000Z');
    expect(nextDigestAt(new Date('2027-12-31T23:30:00Z'), 0).toISOString()).toBe('2028-01-01T00:00:00.000Z');
  });

  it('counts by state, what waits for the team, and what changed, most frequent change first', () => {
    const content = digestContent(
      [
        { state: 'INVITED' }, { state: 'INVITED', undeliverable: { kind: 'BOUNCE' } }, { state: 'INVITED', undeliverable: { kind: 'DELIVERY_DELAY' } },
        { state: 'IN_REVIEW' }, { state: 'VERIFIED' }, { state: 'VERIFIED' }, { state: 'DELIVERED' },
      ],
      ['SIGNED', 'DECLINED', 'SIGNED', 'INVITED', 'SIGNED'],
      '2027-02-02T07:00:00.000Z',
    );
    expect(content.total).toBe(7);
    expect(content.byState.find((row) => row.state === 'INVITED')?.count).toBe(3);
    expect(content.byState.find((row) => row.state === 'FAILED')?.count).toBe(0);
    expect(content.waiting).toEqual({ reviews: 1, countersignatures: 2, undeliverable: 1 });
    expect(content.changes).toEqual([{ type: 'SIGNED', count: 3 }, { type: 'DECLINED', count: 1 }, { type: 'INVITED', count: 1 }]);
  });

  it('reads as a person would say it, with the declaration\'s console page', () => {
    const content = digestContent([{ state: 'IN_REVIEW' }], ['FLAGGED_FOR_REVIEW'], '2027-02-02T07:00:00.000Z');
    const email = digestMessage({ ...content, declarationTitle: 'Joint <declaration>', day: '2027-02-03', consoleUrl: 'https://signing.example/console/declarations/dcl_1', contactAddress: 'contact@ec.example' });
    expect(email.subject).toBe('Daily digest 2027-02-03: Joint <declaration>');
    expect(email.text).toContain('1 signature waits for review');
    expect(email.text).toContain('0 commitments wait for countersignature');
    expect(email.text).toContain('1 flagged for review');
    expect(email.text).toContain('Waiting for review: 1');
    expect(email.html).toContain('Joint &lt;declaration&gt;');
    expect(email.html).toContain('href="https://signing.example/console/declarations/dcl_1"');
  });
});

describe('an event notification', () => {
  it('carries a decline\'s reason, escaped in HTML, and the commitment\'s console page', () => {
    const email = teamEventMessage({
      declarationTitle: 'Joint declaration', organisationName: 'Port <of> Piraeus', country: 'GR',
      notice: { kind: 'declined', reason: 'Our board has not <approved> it yet.' },
      consoleUrl: 'https://signing.example/console/commitments/cmt_1', contactAddress: 'contact@ec.example',
    });
    expect(email.subject).toBe('Declined: Port <of> Piraeus');
    expect(email.text).toContain('Their reason: Our board has not <approved> it yet.');
    expect(email.html).toContain('Our board has not &lt;approved&gt; it yet.');
    expect(email.html).not.toContain('<approved>');
    expect(email.html).toContain('href="https://signing.example/console/commitments/cmt_1"');
  });
});
