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
