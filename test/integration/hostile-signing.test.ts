import { describe, expect, it } from 'vitest';
import type { OperatorRequest } from '../../tools/campaign/campaign-client';
import { commitmentItems, commitmentState } from '../support/campaign';
import { invitedOperator, openForm, ownLoopbackAddress } from '../support/signing';

interface HostileCase {
  readonly name: string;
  readonly path: string;
  readonly request: OperatorRequest;
  readonly status: number;
}

describe('hostile input on the signing pages', () => {
  it('answers each of more than 50 hostile requests with a 4xx page and changes nothing', async () => {
    // Its own client address, so that these requests count against nobody else's limit.
    const { campaign, admin, commitmentId, link, operator } = await invitedOperator({ operator: { localAddress: ownLoopbackAddress() } });
    await openForm(operator);
    const form = await operator.readForm();
    const sessionCookie = operator.cookie!;
    // A second session, whose code is still to be entered.
    const pending = campaign.operator(link, operator.options);
    await pending.open();
    const pendingPage = await pending.page();
    const pendingToken = /name="csrf" value="([^"]*)"/.exec(pendingPage.html)?.[1] ?? '';
    const before = await commitmentItems(commitmentId);

    const secret = link.slice(link.lastIndexOf('/') + 1);
    const sessionId = sessionCookie.slice(sessionCookie.indexOf('=') + 1);
    const landingToken = /name="csrf" value="([^"]*)"/.exec(await (await operator.landing()).text())?.[1] ?? '';
    const sign = (overrides: Record<string, string | readonly string[]>) => operator.signFields(form, { name: 'Αθανάσιος Παπαδόπουλος', title: 'Director' }, overrides).toString();
    const post = (body: string, extra: Partial<OperatorRequest> = {}): OperatorRequest => ({ body, ...extra });
    const cases: HostileCase[] = [
      // Continue on the landing page.
      { name: 'Continue without its token', path: link, request: post(''), status: 403 },
      { name: 'Continue with a wrong token', path: link, request: post(`csrf=${'x'.repeat(43)}`), status: 403 },
      { name: 'Continue with its token twice', path: link, request: post(`csrf=${landingToken}&csrf=${landingToken}`), status: 403 },
      { name: 'a truncated secret', path: `/sign/${secret.slice(0, 42)}`, request: post(`csrf=${landingToken}`), status: 404 },
      { name: 'a tampered secret', path: `/sign/${secret.slice(0, 42)}${secret.endsWith('A') ? 'B' : 'A'}`, request: post(`csrf=${landingToken}`), status: 404 },
      { name: 'an overlong secret', path: `/sign/${secret.repeat(30)}`, request: post(`csrf=${landingToken}`), status: 404 },
      { name: 'a secret with a control character', path: `/sign/${secret.slice(0, 42)}%00`, request: post(`csrf=${landingToken}`), status: 404 },
      { name: 'a secret with markup', path: `/sign/${encodeURIComponent('<script>alert(1)</script>')}`, request: post(`csrf=${landingToken}`), status: 404 },
      { name: 'GET a tampered secret', path: `/sign/${secret.slice(0, 42)}_`, request: {}, status: 404 },
      { name: 'HEAD a truncated secret', path: `/sign/${secret.slice(0, 40)}`, request: { method: 'HEAD' }, status: 404 },
      { name: 'Continue as JSON', path: link, request: post(JSON.stringify({ csrf: landingToken }), { contentType: 'application/json' }), status: 415 },
      { name: 'Continue as plain text', path: link, request: post(`csrf=${landingToken}`, { contentType: 'text/plain' }), status: 415 },
      { name: 'Continue as multipart', path: link, request: post(`--x\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${landingToken}\r\n--x--`, { contentType: 'multipart/form-data; boundary=x' }), status: 415 },
      { name: 'Continue with no body and no type', path: link, request: { method: 'POST', contentType: null }, status: 415 },
      { name: 'Continue from another site', path: link, request: post(`csrf=${landingToken}`, { headers: { 'sec-fetch-site': 'cross-site' } }), status: 403 },
      { name: 'Continue from a foreign origin', path: link, request: post(`csrf=${landingToken}`, { headers: { origin: 'https://attacker.example' } }), status: 403 },
      // The session's pages.
      { name: 'the form without a session cookie', path: '/signing', request: { cookie: null }, status: 404 },
      { name: 'the form with a tampered session cookie', path: '/signing', request: { cookie: `signing-session=${sessionId.slice(0, 42)}${sessionId.endsWith('A') ? 'B' : 'A'}` }, status: 404 },
      { name: 'the form with a truncated session cookie', path: '/signing', request: { cookie: `signing-session=${sessionId.slice(0, 20)}` }, status: 404 },
      { name: 'the form with an overlong session cookie', path: '/signing', request: { cookie: `signing-session=${sessionId.repeat(100)}` }, status: 404 },
      { name: 'the form with markup as the session cookie', path: '/signing', request: { cookie: 'signing-session=<script>alert(1)</script>' }, status: 404 },
      { name: 'the form with the link secret as the session cookie', path: '/signing', request: { cookie: `signing-session=${secret}` }, status: 404 },
      // Signing.
      { name: 'sign without the form token', path: '/signing', request: post(sign({ csrf: [] })), status: 403 },
      { name: 'sign with a wrong form token', path: '/signing', request: post(sign({ csrf: 'x'.repeat(43) })), status: 403 },
      { name: 'sign with an empty form token', path: '/signing', request: post(sign({ csrf: '' })), status: 403 },
      { name: 'sign with another session’s form token', path: '/signing', request: post(sign({ csrf: pendingToken })), status: 403 },
      { name: 'sign with the landing page’s token', path: '/signing', request: post(sign({ csrf: landingToken })), status: 403 },
      { name: 'sign without a session cookie', path: '/signing', request: post(sign({}), { cookie: null }), status: 404 },
      { name: 'sign with a tampered session cookie', path: '/signing', request: post(sign({}), { cookie: `signing-session=${'A'.repeat(43)}` }), status: 404 },
      { name: 'sign as JSON', path: '/signing', request: post(JSON.stringify({ action: 'sign' }), { contentType: 'application/json' }), status: 415 },
      { name: 'sign as XML', path: '/signing', request: post('<sign/>', { contentType: 'application/xml' }), status: 415 },
      { name: 'sign from another site', path: '/signing', request: post(sign({}), { headers: { 'sec-fetch-site': 'same-site' } }), status: 403 },
      { name: 'sign without an action', path: '/signing', request: post(sign({ action: [] })), status: 400 },
      { name: 'an unknown action', path: '/signing', request: post(sign({ action: 'approve' })), status: 400 },
      { name: 'an empty name', path: '/signing', request: post(sign({ signerName: '' })), status: 400 },
      { name: 'a name of spaces only', path: '/signing', request: post(sign({ signerName: '   \t ' })), status: 400 },
      { name: 'a name of 201 characters', path: '/signing', request: post(sign({ signerName: 'Α'.repeat(201) })), status: 400 },
      { name: 'a name of 10,000 characters', path: '/signing', request: post(sign({ signerName: 'x'.repeat(10_000) })), status: 400 },
      { name: 'a name with a control character', path: '/signing', request: post(sign({ signerName: 'Ana\u0007Bell' })), status: 400 },
      { name: 'a name with a bidi override', path: '/signing', request: post(sign({ signerName: 'Ana \u202eevil' })), status: 400 },
      { name: 'a name with a NUL', path: '/signing', request: post(sign({ signerName: 'Ana\u0000' })), status: 400 },
      { name: 'a name sent twice', path: '/signing', request: post(sign({ signerName: ['Ana', 'Bob'] })), status: 400 },
      { name: 'an empty function', path: '/signing', request: post(sign({ signerTitle: '' })), status: 400 },
      { name: 'a function of 500 characters', path: '/signing', request: post(sign({ signerTitle: 'y'.repeat(500) })), status: 400 },
      { name: 'a function with a line break', path: '/signing', request: post(sign({ signerTitle: 'Head\nof unit' })), status: 400 },
      { name: 'a script as the name, without consent', path: '/signing', request: post(sign({ signerName: '<script>alert(1)</script>', consent: [] })), status: 400 },
      { name: 'an image tag as the function, without a required commitment', path: '/signing', request: post(sign({ signerTitle: '<img src=x onerror=alert(1)>', accepted: ['risk-analysis'] })), status: 400 },
      { name: 'no consent', path: '/signing', request: post(sign({ consent: [] })), status: 400 },
      { name: 'a consent of another value', path: '/signing', request: post(sign({ consent: 'no' })), status: 400 },
      { name: 'no commitment accepted', path: '/signing', request: post(sign({ accepted: [] })), status: 400 },
      { name: 'an unknown commitment', path: '/signing', request: post(sign({ accepted: [...form.commitmentIds, 'bribery'] })), status: 400 },
      { name: 'a commitment id with markup', path: '/signing', request: post(sign({ accepted: ['<b>x</b>'] })), status: 400 },
      { name: '51 commitments', path: '/signing', request: post(sign({ accepted: Array.from({ length: 51 }, (_, index) => `c${index}`) })), status: 400 },
      { name: 'a truncated text hash', path: '/signing', request: post(sign({ textSha256: form.textSha256.slice(0, 63) })), status: 400 },
      { name: 'no text hash', path: '/signing', request: post(sign({ textSha256: [] })), status: 400 },
      { name: 'a language the declaration does not have', path: '/signing', request: post(sign({ language: 'xx' })), status: 400 },
      { name: 'a language that is not a code', path: '/signing', request: post(sign({ language: 'english' })), status: 400 },
      { name: 'a consent statement the page did not show', path: '/signing', request: post(sign({ consentSha256: 'f'.repeat(64) })), status: 400 },
      { name: 'a consent in a language the pages do not have', path: '/signing', request: post(sign({ consentLanguage: 'zz' })), status: 400 },
      { name: 'a form larger than the page can send', path: '/signing', request: post(sign({ signerName: 'z'.repeat(40_000) })), status: 400 },
      { name: 'a form with 200 fields', path: '/signing', request: post(`${sign({})}${'&x=1'.repeat(200)}`), status: 400 },
      { name: 'a decline without a reason', path: '/signing', request: post(`csrf=${form.formToken}&action=decline&reason=`), status: 400 },
      { name: 'a decline with a reason of 2,001 characters', path: '/signing', request: post(`csrf=${form.formToken}&action=decline&reason=${'r'.repeat(2_001)}`), status: 400 },
      { name: 'a decline with control characters', path: '/signing', request: post(`csrf=${form.formToken}&action=decline&reason=${encodeURIComponent('No\u001b[31m')}`), status: 400 },
      { name: 'a decline without the form token', path: '/signing', request: post('action=decline&reason=No'), status: 403 },
    ];
    const pendingCases: HostileCase[] = [
      { name: 'a code of letters', path: '/signing/code', request: post(`csrf=${pendingToken}&code=abcdef`), status: 400 },
      { name: 'an empty code', path: '/signing/code', request: post(`csrf=${pendingToken}&code=`), status: 400 },
      { name: 'a code of seven digits', path: '/signing/code', request: post(`csrf=${pendingToken}&code=1234567`), status: 400 },
      { name: 'a code sent twice', path: '/signing/code', request: post(`csrf=${pendingToken}&code=123456&code=654321`), status: 400 },
      { name: 'a code with markup', path: '/signing/code', request: post(`csrf=${pendingToken}&code=${encodeURIComponent('<b>1</b>')}`), status: 400 },
      { name: 'a code without the form token', path: '/signing/code', request: post('code=123456'), status: 403 },
      { name: 'a code as JSON', path: '/signing/code', request: post('{"code":"123456"}', { contentType: 'application/json' }), status: 415 },
      { name: 'a new code with a wrong form token', path: '/signing/code/new', request: post(`csrf=${form.formToken}`), status: 403 },
    ];
    expect(cases.length + pendingCases.length).toBeGreaterThanOrEqual(50);

    const answers = [
      ...(await Promise.all(cases.map(async (hostile) => ({ hostile, response: await operator.send(hostile.path, hostile.request) })))),
      ...(await Promise.all(pendingCases.map(async (hostile) => ({ hostile, response: await pending.send(hostile.path, hostile.request) })))),
    ];
    for (const { hostile, response } of answers) {
      expect(response.status, hostile.name).toBe(hostile.status);
      expect(response.headers.get('content-type'), hostile.name).toContain('text/html');
      if (hostile.request.method === 'HEAD') continue;
      const html = await response.text();
      expect(html, hostile.name).toContain('<h1');
      expect(html, hostile.name).toContain('mailto:');
      expect(html, hostile.name).not.toMatch(/<script|<img|<b>/i);
    }

    expect(await commitmentItems(commitmentId)).toEqual(before);
    expect(await commitmentState(campaign, admin, commitmentId)).toBe('INVITED');
    // Nothing was used up: the real form still signs.
    expect((await operator.sign({ name: 'Αθανάσιος Παπαδόπουλος', title: 'Director' }, {}, form)).status).toBe(200);
  });
});
