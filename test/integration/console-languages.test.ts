import { describe, expect, it } from 'vitest';
import { client } from '../support/campaign';

/** A console page as the browser gets it, with the headers a browser sends. */
async function consolePage(path: string, headers: Record<string, string>): Promise<{ status: number; markup: string; scriptHash: string }> {
  const response = await fetch(new URL(path, client().appUrl), { headers });
  const markup = await response.text();
  return { status: response.status, markup, scriptHash: /script-src ('sha256-[^']+')/.exec(response.headers.get('content-security-policy') ?? '')?.[1] ?? '' };
}

const languageOf = (markup: string) => /<html lang="([a-z]+)">/.exec(markup)?.[1];

describe('the language of the console\'s pages', () => {
  it('is the one chosen in the console (its cookie), else the browser\'s, else English', async () => {
    const german = await consolePage('/console', { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' });
    expect(languageOf(german.markup)).toBe('de');
    expect(german.markup).toContain('<h1 id="declarations-title">Erklärungen</h1>');
    const chosen = await consolePage('/console', { 'accept-language': 'de-DE,de;q=0.9', cookie: 'other=1; console-language=fr' });
    expect(languageOf(chosen.markup)).toBe('fr');
    expect(chosen.markup).toContain('<h1 id="declarations-title">Déclarations</h1>');
    const neither = await consolePage('/console', { 'accept-language': 'nl-BE,nl;q=0.9', cookie: 'console-language=nl' });
    expect(languageOf(neither.markup)).toBe('en');
    // One script in every language: the policy allows the same hash.
    expect(new Set([german.scriptHash, chosen.scriptHash, neither.scriptHash]).size).toBe(1);
    expect(german.scriptHash).not.toBe('');
  });

  it('holds for the page of an address without one, which keeps its 404', async () => {
    const missing = await consolePage('/console/commitments/not-an-id', { cookie: 'console-language=de' });
    expect(missing.status).toBe(404);
    expect(languageOf(missing.markup)).toBe('de');
    expect(missing.markup).toContain('Diese Seite gibt es nicht');
    // The refusal itself is the API's, in English, and marked so.
    expect(missing.markup).toMatch(/<p lang="en">[^<]+<\/p>/);
  });
});
