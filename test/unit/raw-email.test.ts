import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { buildRawMessage } from '../../functions/mail/send-email';

const email = {
  to: { name: 'Αθανάσιος Παπαδόπουλος', address: 'a.papadopoulos@hcg.gr.example' },
  subject: 'Πιστοποιητικό δέσμευσης',
  text: 'Plain text, ελληνικά.',
  html: '<p>HTML, ελληνικά.</p>',
  attachments: [{ filename: 'commitment.pdf', contentType: 'application/pdf', content: new Uint8Array([37, 80, 68, 70, 0, 255, 10, 13]) }],
};

describe('the raw email sent through SES', () => {
  it('ends every line with CRLF, as RFC 5322 requires', () => {
    const raw = buildRawMessage(email, 'noreply@ports-alliance.example');
    expect(raw).toContain('\r\n');
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('carries both alternatives and the attachment byte for byte, names in any script', async () => {
    const parsed = await simpleParser(buildRawMessage(email, 'noreply@ports-alliance.example'));
    expect(parsed.subject).toBe(email.subject);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]?.name : undefined).toBe(email.to.name);
    expect(parsed.text?.trim()).toBe(email.text);
    expect(parsed.html).toContain(email.html);
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]?.contentType).toBe('application/pdf');
    expect([...parsed.attachments[0]!.content]).toEqual([...email.attachments[0]!.content]);
  });

  it('refuses a content type it does not send', () => {
    expect(() => buildRawMessage({ ...email, attachments: [{ ...email.attachments[0]!, contentType: 'application/x-unknown' }] }, 'noreply@ports-alliance.example')).toThrow();
  });
});
