import { describe, expect, it } from 'vitest';
import { mailTags, readMailNotification } from '../../functions/domain/mail-events';
import { sesEventNotification } from '../support/ses-events';

const commitmentId = 'cmt_01kb3q8z5x4j2m7n9p6r1s0t3v';
const about = { commitmentId, address: 'Officer@Customs.gr.example', messageId: '010201938-local-message' };
const at = new Date('2026-11-26T12:00:00Z');
const read = (message: string) => readMailNotification(message, at);
const messageOf = (name: Parameters<typeof sesEventNotification>[0], change: (event: Record<string, any>) => void = () => undefined) => {
  const event = JSON.parse(sesEventNotification(name, about).Message);
  change(event);
  return JSON.stringify(event);
};

describe('reading SES notifications', () => {
  it.each([
    ['bounce', 'BOUNCE', true],
    ['complaint', 'COMPLAINT', true],
    ['reject', 'REJECT', true],
    ['delivery-delay', 'DELIVERY_DELAY', false],
  ] as const)('turns the recorded %s into one report about the tagged commitment', (name, kind, permanent) => {
    const reading = read(messageOf(name));
    expect(reading.kind).toBe('reports');
    if (reading.kind !== 'reports') return;
    expect(reading.reports).toHaveLength(1);
    expect(reading.reports[0]).toMatchObject({
      commitmentId,
      problem: { kind, permanent, address: 'officer@customs.gr.example', sesMessageId: about.messageId, reportedAt: at.toISOString() },
    });
    expect(reading.reports[0]!.problem.detail.length).toBeGreaterThan(20);
  });

  it('names the email the report is about from its purpose tag', () => {
    const reading = read(messageOf('complaint'));
    expect(reading.kind === 'reports' && reading.reports[0]!.problem.mailPurpose).toBe('reminder-1');
  });

  it('gives the same event the same key and another event another key', () => {
    const key = (message: string) => { const reading = read(message); return reading.kind === 'reports' ? reading.reports[0]!.eventKey : undefined; };
    expect(key(messageOf('bounce'))).toBe(key(messageOf('bounce')));
    expect(key(messageOf('bounce'))).not.toBe(key(messageOf('bounce', (event) => { event.bounce.feedbackId = 'another-feedback-id'; })));
  });

  it('says a soft bounce may pass', () => {
    const reading = read(messageOf('bounce', (event) => { event.bounce.bounceType = 'Transient'; event.bounce.bounceSubType = 'MailboxFull'; }));
    expect(reading.kind === 'reports' && reading.reports[0]!.problem).toMatchObject({ kind: 'BOUNCE', permanent: false, detail: expect.stringContaining('the mailbox is full') });
  });

  it('reads the address out of a display-name recipient', () => {
    const reading = read(messageOf('reject', (event) => { event.mail.destination = ['"Officer" <Officer@Customs.gr.example>']; }));
    expect(reading.kind === 'reports' && reading.reports[0]!.problem.address).toBe('officer@customs.gr.example');
  });

  it('ignores deliveries and sends, mail without our commitment tag, and what is not an SES notification', () => {
    expect(read(messageOf('bounce', (event) => { event.eventType = 'Delivery'; }))).toMatchObject({ kind: 'ignored' });
    expect(read(messageOf('bounce', (event) => { delete event.mail.tags.commitmentId; }))).toMatchObject({ kind: 'ignored' });
    expect(read(messageOf('bounce', (event) => { event.mail.tags.commitmentId = ['../../etc/passwd']; }))).toMatchObject({ kind: 'ignored' });
    expect(read('not json')).toMatchObject({ kind: 'ignored' });
    expect(read('{"hello": "world"}')).toMatchObject({ kind: 'ignored' });
  });
});

describe('SES message tags', () => {
  it('carry the commitment id and the purpose, with only the characters SES accepts', () => {
    expect(mailTags(commitmentId, 'manual-reminder-3f2a/ü')).toEqual({ commitmentId, mailPurpose: 'manual-reminder-3f2a__' });
  });
});
