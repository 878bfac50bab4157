import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/catalog';
import { decideAccess, parseGroups } from '../../functions/shared/access';
import { html, raw } from '../../templates/html';
import { invitationEmail } from '../../templates/email/invitation';
import { mapWithConcurrency } from '../../functions/operations/concurrency';

const event = (routeKey: string, claims?: Record<string, string>): APIGatewayProxyEventV2 =>
  ({ routeKey, requestContext: claims ? { authorizer: { jwt: { claims } } } : {} }) as unknown as APIGatewayProxyEventV2;

describe('access by group, from the catalog', () => {
  it('reads groups the way API Gateway, Cognito and JSON hand them over', () => {
    expect(parseGroups('[commission-admin auditor]')).toEqual(['commission-admin', 'auditor']);
    expect(parseGroups(['auditor'])).toEqual(['auditor']);
    expect(parseGroups('["auditor"]')).toEqual(['auditor']);
    expect(parseGroups('[admins superusers]')).toEqual([]);
  });

  it('answers 401 without a caller, 403 for the wrong group, and lets the right group in on every route', () => {
    for (const route of ROUTES) {
      const key = `${route.method} ${route.path}`;
      if (route.access === 'public') {
        expect(decideAccess(event(key)).allowed).toBe(true);
        continue;
      }
      expect(decideAccess(event(key))).toMatchObject({ allowed: false, status: 401 });
      expect(decideAccess(event(key, { sub: 'u1', 'cognito:groups': '[someone-else]' }))).toMatchObject({ allowed: false, status: 403 });
      for (const group of route.access) expect(decideAccess(event(key, { sub: 'u1', 'cognito:groups': `[${group}]` })).allowed).toBe(true);
    }
  });

  it('refuses every admin change to an auditor', () => {
    // Asking for a ZIP of the sealed PDFs is a POST (repeated safely by request id) that changes nothing of the campaign.
    const exportRequest = 'POST /api/declarations/{declarationId}/document-exports';
    const changes = ROUTES.filter((route) => route.method === 'POST' && route.access !== 'public' && `${route.method} ${route.path}` !== exportRequest);
    expect(changes.length).toBeGreaterThan(0);
    for (const route of changes) expect(decideAccess(event(`${route.method} ${route.path}`, { sub: 'a1', 'cognito:groups': '[auditor]' }))).toMatchObject({ status: 403 });
    expect(decideAccess(event(exportRequest, { sub: 'a1', 'cognito:groups': '[auditor]' }))).toMatchObject({ allowed: true });
  });
});

describe('escaping what users typed', () => {
  it('escapes interpolated text in HTML but not markup we wrote', () => {
    expect(html`<p>${'<script>"x" & \'y\'</script>'}</p>${raw('<br>')}`.value).toBe('<p>&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;</p><br>');
  });

  it('escapes organisation and contact names in the invitation email', () => {
    const email = invitationEmail({
      contactName: '<img src=x onerror=alert(1)>',
      organisationName: 'Port & "Docks"',
      declarationTitle: 'Declaration',
      signingUrl: 'https://signing.example/sign/abc',
      expiresAt: new Date('2026-12-01T00:00:00Z'),
      contactAddress: 'contact@ec.example',
      kind: 'invitation',
      language: 'en',
      oneTimeCode: true,
    });
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).toContain('Port &amp; &quot;Docks&quot;');
    expect(email.html).not.toMatch(/<img\b/);
    expect(email.text).toContain('https://signing.example/sign/abc');
  });
});

describe('bounded concurrency', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapWithConcurrency(Array.from({ length: 20 }, (_, index) => index), 4, async (value) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return value * 2;
    });
    expect(results).toEqual(Array.from({ length: 20 }, (_, index) => index * 2));
    expect(peak).toBe(4);
  });
});
