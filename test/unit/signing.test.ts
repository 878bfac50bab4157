import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/catalog';
import { newId } from '../../functions/domain/ids';
import type { Commitment, Signature } from '../../functions/domain/commitment';
import { buildDeclaration, createDeclarationSchema } from '../../functions/domain/declaration';
import { OPERATOR_LANGUAGES, operatorLanguage, parseAcceptLanguage, pickLanguage } from '../../functions/domain/languages';
import {
  hashOneTimeCode,
  hashSessionId,
  landingFormToken,
  maskEmail,
  newOneTimeCode,
  newSessionId,
  commitmentIdOfSession,
  normaliseOneTimeCode,
  rateWindow,
  sameToken,
  SESSION_ID_PATTERN,
  sessionFormToken,
} from '../../functions/domain/signing';
import { readSigningForm } from '../../functions/domain/signing-form';
import { verifySignature } from '../../functions/domain/verification';
import { clearedSessionCookie, sessionCookie, signingPaths } from '../../functions/handlers/api/signing-http';
import { securityHeaders } from '../../functions/shared/http';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { deliveryEmail } from '../../templates/email/delivery';
import { invitationEmail } from '../../templates/email/invitation';
import { oneTimeCodeEmail } from '../../templates/email/one-time-code';
import { signatureConfirmationEmail } from '../../templates/email/signature-confirmation';
import { messagesFor } from '../../templates/i18n';
import { landingPage } from '../../templates/pages/landing-page';
import { OPERATOR_PAGE_CSP } from '../../templates/pages/layout';

const KEY = 'k'.repeat(48);

describe('signing tokens', () => {
  it('makes 256-bit session ids that never repeat, name their commitment, and are stored only as a hash', () => {
    const commitmentId = newId('cmt');
    const ids = new Set(Array.from({ length: 1_000 }, () => newSessionId(commitmentId)));
    expect(ids.size).toBe(1_000);
    for (const id of ids) {
      expect(id).toMatch(SESSION_ID_PATTERN);
      expect(commitmentIdOfSession(id)).toBe(commitmentId);
      expect(Buffer.from(id.slice(commitmentId.length + 1), 'base64url')).toHaveLength(32);
    }
    expect(commitmentIdOfSession('A'.repeat(43))).toBeUndefined();
    expect('A'.repeat(43)).toMatch(SESSION_ID_PATTERN);
    expect(`${commitmentId}.${'A'.repeat(42)}`).not.toMatch(SESSION_ID_PATTERN);
    expect(`CMT#x.${'A'.repeat(43)}`).not.toMatch(SESSION_ID_PATTERN);
    const [id] = ids;
    expect(hashSessionId(id!)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionId(id!)).not.toContain(id);
  });

  it('makes 6-digit codes from the whole range and reads what people type', () => {
    const codes = Array.from({ length: 2_000 }, newOneTimeCode);
    expect(codes.every((code) => /^[0-9]{6}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(1_990);
    expect(normaliseOneTimeCode(' 012 345 ')).toBe('012345');
    expect(normaliseOneTimeCode('012-345')).toBe('012345');
    for (const typed of ['', '12345', '1234567', 'abcdef', '12 34 5x', '１２３４５６']) expect(normaliseOneTimeCode(typed), typed).toBeUndefined();
  });

  it('hashes a code with the key and its commitment, so that the table alone reveals nothing', () => {
    const hash = hashOneTimeCode(KEY, 'cmt_a', '123456');
    expect(hash).not.toContain('123456');
    expect(hash).not.toBe(createHash('sha256').update('123456').digest('base64url'));
    expect(hashOneTimeCode(KEY, 'cmt_b', '123456')).not.toBe(hash);
    expect(hashOneTimeCode('j'.repeat(48), 'cmt_a', '123456')).not.toBe(hash);
    expect(hashOneTimeCode(KEY, 'cmt_a', '123456')).toBe(hash);
  });

  it('binds form tokens to their session or link and compares them in constant time', () => {
    const token = sessionFormToken(KEY, 'session-a');
    expect(sessionFormToken(KEY, 'session-b')).not.toBe(token);
    expect(landingFormToken(KEY, 'session-a')).not.toBe(token);
    expect(sameToken(token, token)).toBe(true);
    expect(sameToken(token, `${token.slice(0, -1)}x`)).toBe(false);
    expect(sameToken(token, token.slice(0, 10))).toBe(false);
    expect(sameToken(token, undefined)).toBe(false);
  });

  it('shows enough of an address for its owner to recognise it', () => {
    expect(maskEmail('athanasios@customs.gr.example')).toBe('a…@customs.gr.example');
    expect(maskEmail('broken')).toBe('…');
  });

  it('counts attempts in fixed windows and says how long until the next', () => {
    expect(rateWindow(new Date('2026-11-26T12:09:59Z'), 600)).toEqual({ start: Date.parse('2026-11-26T12:00:00Z') / 1000, retryAfterSeconds: 1 });
    expect(rateWindow(new Date('2026-11-26T12:10:00Z'), 600)).toEqual({ start: Date.parse('2026-11-26T12:10:00Z') / 1000, retryAfterSeconds: 600 });
  });
});

describe('languages', () => {
  it('reads Accept-Language by preference and weight', () => {
    expect(parseAcceptLanguage('fr-BE,fr;q=0.9,en;q=0.5,de;q=0')).toEqual(['fr', 'en']);
    expect(parseAcceptLanguage('en;q=0.2, el')).toEqual(['el', 'en']);
    expect(parseAcceptLanguage('*, x-klingon, 123')).toEqual([]);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });

  it('speaks the invitation’s language, else the browser’s, else English', () => {
    expect(operatorLanguage(['el'], 'de')).toBe('el');
    expect(operatorLanguage(['ja'], 'ja, de;q=0.8')).toBe('de');
    expect(operatorLanguage(['ja'], 'ja')).toBe('en');
    expect(pickLanguage([undefined, 'fr'], ['en', 'fr'], 'en')).toBe('fr');
  });

  it('has every message in English, French, German and Greek', () => {
    expect(OPERATOR_LANGUAGES).toEqual(expect.arrayContaining(['en', 'fr', 'de', 'el']));
    const shape = (value: unknown): unknown => {
      if (typeof value === 'function') return shape((value as (...args: unknown[]) => unknown)('X', 'Y'));
      if (typeof value === 'string') return value.trim().length > 0 ? 'text' : 'EMPTY';
      if (Array.isArray(value)) return value.map(shape);
      return Object.fromEntries(Object.entries(value as object).map(([key, entry]) => [key, shape(entry)]));
    };
    const english = shape(messagesFor('en'));
    for (const language of OPERATOR_LANGUAGES) expect(shape(messagesFor(language)), language).toEqual(english);
  });
});

describe('reading the signing form', () => {
  const base = () => new Map<string, string[]>([
    ['action', ['sign']], ['signerName', [' Ana  ']], ['signerTitle', ['Director']], ['accepted', ['risk-analysis', 'risk-analysis']],
    ['language', ['en']], ['textSha256', ['a'.repeat(64)]], ['consentLanguage', ['en']], ['consentSha256', ['b'.repeat(64)]], ['consent', ['yes']],
  ]);

  it('reads a complete signature, trimmed, each commitment once', () => {
    const { form, problems } = readSigningForm(base());
    expect(problems).toEqual([]);
    expect(form).toMatchObject({ action: 'sign', signerName: 'Ana', accepted: ['risk-analysis'], consent: true });
  });

  it('names each problem a person can fix at its field', () => {
    const fields = base();
    fields.set('signerName', ['']);
    fields.set('signerTitle', ['x'.repeat(201)]);
    fields.delete('consent');
    expect(readSigningForm(fields).problems).toEqual([
      { field: 'signerName', problem: 'required' },
      { field: 'signerTitle', problem: 'too-long', max: 200 },
      { field: 'consent', problem: 'required' },
    ]);
    fields.set('signerName', ['Ana\u202e']);
    expect(readSigningForm(fields).problems[0]).toEqual({ field: 'signerName', problem: 'control-characters' });
  });

  it('refuses whole what the page itself could not have sent', () => {
    const variants: [string, string[] | undefined][] = [['action', ['approve']], ['textSha256', ['xyz']], ['language', ['english']], ['signerName', ['a', 'b']], ['consent', ['on']], ['accepted', ['<b>']]];
    for (const [name, value] of variants) {
      const fields = base();
      if (value) fields.set(name, value);
      expect(() => readSigningForm(fields), name).toThrow(/could not be read/);
    }
  });
});

describe('the one-time code check of verification', () => {
  const declaration = buildDeclaration(createDeclarationSchema.parse(sampleDeclaration()), 'dcl_test', 'admin', new Date('2026-11-26T12:00:00Z'));
  const commitment: Commitment = {
    id: 'cmt_test', declarationId: declaration.id, language: 'en', state: 'SIGNED', invitedAt: '2026-11-26T12:00:00Z', updatedAt: '2026-11-26T12:00:00Z', invitedBy: 'admin',
    organisation: { name: 'Tulli', category: 'customs', country: 'FI', email: 'paivi@tulli.fi.example', contactName: 'Päivi Äijälä', emailDomains: ['tulli.fi.example'] },
  };
  const signature: Signature = {
    signerName: 'Päivi Äijälä', signerTitle: 'Director', acceptedCommitmentIds: ['risk-analysis', 'scanning'], language: 'fr', textSha256: declaration.texts.fr!.sha256, signedAt: '2026-11-26T12:05:00Z',
    oneTimeCode: { sentTo: 'paivi@tulli.fi.example', verifiedAt: '2026-11-26T12:04:00Z' },
  };
  const codeCheck = (result: ReturnType<typeof verifySignature>) => result.checks.find((check) => check.check === 'one-time-code')!;

  it('passes a signature whose signer confirmed the code sent to the invited address, in the language version signed', () => {
    const result = verifySignature(commitment, signature, declaration);
    expect(result.outcome).toBe('VERIFIED');
    expect(result.checks.find((check) => check.check === 'text-hash')!.detail).toContain('(fr)');
  });

  it('sends to review, in plain words, a signature without the proof, or with a proof for another address or made after signing', () => {
    const { oneTimeCode: _proof, ...withoutProof } = signature;
    for (const [variant, words] of [
      [withoutProof, 'carries no proof'],
      [{ ...signature, oneTimeCode: { sentTo: 'someone@else.example', verifiedAt: signature.oneTimeCode!.verifiedAt } }, 'not the invited address'],
      [{ ...signature, oneTimeCode: { sentTo: commitment.organisation.email, verifiedAt: '2026-11-26T12:06:00Z' } }, 'after the signature'],
    ] as const) {
      const result = verifySignature(commitment, variant, declaration);
      expect(result.outcome).toBe('NEEDS_REVIEW');
      expect(codeCheck(result)).toMatchObject({ passed: false, detail: expect.stringContaining(words) });
    }
  });

  it('passes without a code when the declaration asks for none', () => {
    const { oneTimeCode: _proof, ...withoutProof } = signature;
    const result = verifySignature(commitment, withoutProof, { ...declaration, oneTimeCode: false });
    expect(codeCheck(result)).toMatchObject({ passed: true, detail: expect.stringContaining('does not ask') });
  });
});

describe('operator emails', () => {
  const hostile = '<img src=x onerror=alert(1)> & "Docks"';
  const emails = (language: string) => [
    invitationEmail({ language, kind: 'invitation', contactName: hostile, organisationName: hostile, declarationTitle: hostile, signingUrl: 'https://signing.example/sign/abc', expiresAt: new Date('2026-12-01T00:00:00Z'), contactAddress: 'contact@ec.example', oneTimeCode: true }),
    invitationEmail({ language, kind: 'reminder', contactName: 'A', organisationName: 'B', declarationTitle: 'C', signingUrl: 'https://signing.example/sign/abc', expiresAt: new Date('2026-12-01T00:00:00Z'), contactAddress: 'contact@ec.example', oneTimeCode: false }),
    invitationEmail({ language, kind: 'new-link', contactName: 'A', organisationName: 'B', declarationTitle: 'C', signingUrl: 'https://signing.example/sign/abc', expiresAt: new Date('2026-12-01T00:00:00Z'), contactAddress: 'contact@ec.example', oneTimeCode: true }),
    oneTimeCodeEmail({ language, contactName: hostile, code: '012345', expiresAt: new Date('2026-12-01T00:10:00Z'), contactAddress: 'contact@ec.example' }),
    signatureConfirmationEmail({ language, contactName: hostile, organisationName: hostile, declarationTitle: hostile, signerName: hostile, signerTitle: hostile, signedAt: new Date('2026-12-01T00:00:00Z'), signedLanguage: 'fr', textSha256: 'a'.repeat(64), contactAddress: 'contact@ec.example' }),
    deliveryEmail({ language, contactName: hostile, organisationName: hostile, declarationTitle: hostile, documentSha256: 'b'.repeat(64), verificationUrl: 'https://signing.example/verify/cmt', contactAddress: 'contact@ec.example' }),
  ];

  it('come in each language, HTML and text, with what they are for named in the HTML head', () => {
    for (const language of ['en', 'fr', 'de', 'el']) {
      const purposes = emails(language).map((email) => /<meta name="email-purpose" content="([a-z-]+)">/.exec(email.html)?.[1]);
      expect(purposes, language).toEqual(['invitation', 'reminder', 'new-link', 'one-time-code', 'signature-confirmation', 'delivery']);
      for (const email of emails(language)) {
        expect(email.html, language).toContain(`<html lang="${language}">`);
        expect(email.text.length, language).toBeGreaterThan(50);
        expect(email.html, language).toContain(messagesFor(language).email.footerAutomatic.replace(/'/g, '&#39;').replace(/"/g, '&quot;'));
      }
    }
  });

  it('escape everything a person typed, and carry no tracking pixel, image or redirect link', () => {
    for (const email of emails('el')) {
      expect(email.html).not.toMatch(/<img|<script|onerror=alert\(1\)>/);
      const links = [...email.html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
      for (const link of links) expect(link).toMatch(/^(mailto:contact@ec\.example|https:\/\/signing\.example\/sign\/abc)$/);
      expect(email.html).not.toMatch(/<[a-z][^>]*\ssrc=|url\(/i);
    }
    const [invitation] = emails('el');
    expect(invitation!.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Docks&quot;');
  });

  it('put the code on a line of its own, and never in the subject', () => {
    const email = oneTimeCodeEmail({ language: 'de', contactName: 'Erika', code: '012345', expiresAt: new Date('2026-12-01T00:10:00Z'), contactAddress: 'contact@ec.example' });
    expect(email.text).toMatch(/^012345$/m);
    expect(email.subject).not.toContain('012345');
    expect(email.text).toContain('00:10 UTC');
  });
});

describe('operator pages over HTTPS and HTTP', () => {
  const appUrl = process.env[ENV.appUrl];
  afterEach(() => {
    if (appUrl === undefined) delete process.env[ENV.appUrl];
    else process.env[ENV.appUrl] = appUrl;
  });

  it('send HSTS and a __Host- Secure cookie when the deployment is HTTPS', () => {
    process.env[ENV.appUrl] = 'https://signing.example.eu';
    expect(securityHeaders()['strict-transport-security']).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    const cookie = sessionCookie('s'.repeat(43), new Date(Date.now() + 1_800_000));
    expect(cookie).toMatch(/^__Host-signing-session=s{43}; Path=\/; Max-Age=(5399|5400); HttpOnly; SameSite=Strict; Secure$/);
    expect(clearedSessionCookie()).toContain('Max-Age=0');
    expect(signingPaths()).toEqual({ form: '/signing', checkCode: '/signing/code', sendCode: '/signing/code/new' });
  });

  it('send neither over plain HTTP (the local stack), and keep the app’s base path', () => {
    process.env[ENV.appUrl] = 'http://127.0.0.1:3000/eps';
    expect(securityHeaders()['strict-transport-security']).toBeUndefined();
    expect(sessionCookie('s'.repeat(43), new Date(Date.now() + 60_000))).not.toMatch(/Secure|__Host-/);
    expect(signingPaths().form).toBe('/eps/signing');
  });

  it('allow only the one style block they carry, by its hash, and no script', () => {
    const html = landingPage({ messages: messagesFor('en'), language: 'en', title: 'T', titleLanguage: 'en', organisationName: 'O', categoryLabel: 'C', expiresAt: new Date(), formToken: 't', contactAddress: 'c@ec.example' });
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(OPERATOR_PAGE_CSP).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(OPERATOR_PAGE_CSP).not.toMatch(/script-src|unsafe|https?:/);
    expect(html).not.toMatch(/<script|style="/);
  });
});
