import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/catalog';
import { client } from '../support/campaign';

/** Malformed percent-encodings: an invalid hex pair, and a UTF-8 sequence cut short. */
const MALFORMED = ['%ZZ', '%E0%A4%A'];
const routesWithParameters = ROUTES.filter((route) => route.path.includes('{'));

describe('an address whose path holds malformed percent-encoding', () => {
  it('is a 400 or 404 on every route of the catalog: a page for pages, a JSON problem for the API', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    for (const route of routesWithParameters) {
      for (const segment of MALFORMED) {
        const path = route.path.replace(/\{\w+\}/g, segment);
        const what = `${route.method} ${path}`;
        const hasBody = route.method === 'POST' || route.method === 'PUT';
        for (const bearer of route.access === 'public' ? [undefined] : [admin, undefined]) {
          const response = await fetch(`${campaign.appUrl}${path}`, {
            method: route.method,
            redirect: 'manual',
            headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
            body: hasBody ? '{}' : undefined,
          });
          // Decided before any other work: without a token too, and before the body is read.
          expect([400, 404], what).toContain(response.status);
          const type = response.headers.get('content-type') ?? '';
          if (route.path.startsWith('/api/')) {
            expect(type, what).toMatch(/^application\/json/);
            expect(((await response.json()) as { message?: string }).message, what).toMatch(/^There is no/);
          } else {
            expect(type, what).toMatch(/^text\/html/);
            if (route.method !== 'HEAD') expect(await response.text(), what).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
          }
        }
      }
    }
  });
});

describe('the public check at an address that names no document', () => {
  it('answers 404 with the check page, for an id that cannot be one and for one we never issued', async () => {
    const { appUrl } = client();
    for (const path of ['/verify/not-an-id', '/verify/cmt_0000000000zzzzzzzzzzzzzzzz', '/verify/dcl_0000000000zzzzzzzzzzzzzzzz']) {
      const response = await fetch(`${appUrl}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      const page = await response.text();
      expect(page, path).toContain('<h1>Check a sealed document</h1>');
      expect(page, path).toMatch(/There is no document with this ID|Not issued by us/);
    }
    // A mistyped ID in the form is the reader's input to correct: 400, with what an ID looks like.
    const typed = await fetch(`${appUrl}/verify?document=not-an-id`);
    expect(typed.status).toBe(400);
    expect(await typed.text()).toContain('A document ID looks like');
  });
});
