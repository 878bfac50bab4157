import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Commitment } from '../../functions/domain/commitment';
import { DomainError } from '../../functions/domain/errors';
import { OPERATOR_LANGUAGES, type OperatorLanguage } from '../../functions/domain/languages';
import { publicationShown, publicationStatement } from '../../functions/domain/publication';
import { groupRegister, registerEntryOf, type RegisterEntry } from '../../functions/domain/register';
import { readSigningForm } from '../../functions/domain/signing-form';
import { messagesFor } from '../../templates/i18n';
import { registerPage } from '../../templates/pages/register-page';

const entry = (organisation: string, country: string, category: RegisterEntry['category'], id = organisation): RegisterEntry => ({ commitmentId: `cmt_${id}`, organisation, country, category });

describe('the public register, grouped', () => {
  const entries = [
    entry('Port of Antwerp-Bruges', 'BE', 'port_authority'),
    entry('Douane belge', 'BE', 'customs'),
    entry('Administration générale des douanes', 'BE', 'customs'),
    entry('Λιμενικό Σώμα', 'GR', 'law_enforcement'),
    entry('Europol', 'NL', 'eu_agency'),
    entry('Havenbedrijf Rotterdam', 'NL', 'port_authority'),
  ];

  it('groups by country, then category in the product’s order, organisations alphabetically, with every count', () => {
    const grouped = groupRegister(entries);
    expect(grouped.count).toBe(6);
    expect(grouped.countries.map((country) => [country.country, country.count])).toEqual([['BE', 3], ['GR', 1], ['NL', 2]]);
    expect(grouped.countries[0]!.categories).toEqual([
      { category: 'customs', organisations: ['Administration générale des douanes', 'Douane belge'] },
      { category: 'port_authority', organisations: ['Port of Antwerp-Bruges'] },
    ]);
    expect(grouped.countries[2]!.categories.map((group) => group.category)).toEqual(['port_authority', 'eu_agency']);
  });

  it('orders countries as the reader’s language names them', () => {
    const names: Record<string, string> = { BE: 'Belgien', GR: 'Griechenland', NL: 'Niederlande', DE: 'Deutschland' };
    const grouped = groupRegister([...entries, entry('Zoll', 'DE', 'customs')], { countryOrder: (a, b) => names[a]!.localeCompare(names[b]!, 'de') });
    expect(grouped.countries.map((country) => country.country)).toEqual(['BE', 'DE', 'GR', 'NL']);
  });

  it('is empty, with a count of 0, when nobody agreed', () => {
    expect(groupRegister([])).toEqual({ count: 0, countries: [] });
  });

  it('takes from a commitment its organisation’s name, country and category, and nothing about a person', () => {
    const commitment = {
      id: 'cmt_1',
      organisation: { name: 'Port of Piraeus', category: 'port_authority', country: 'GR', email: 'anna@olp.gr.example', contactName: 'Anna Georgiou', emailDomains: ['olp.gr.example'] },
    } satisfies Pick<Commitment, 'id' | 'organisation'>;
    expect(registerEntryOf(commitment)).toEqual({ commitmentId: 'cmt_1', organisation: 'Port of Piraeus', country: 'GR', category: 'port_authority' });
  });
});

describe('the register page', () => {
  const declaration = { id: 'dcl_1', title: 'Joint declaration <2026>', titleLanguage: 'en', status: 'OPEN' as const };
  const render = (entries: readonly RegisterEntry[], language: OperatorLanguage = 'en', jointDeclaration?: { sealedAt: string; signatoryCount: number }) =>
    registerPage({ register: { kind: 'declaration', declaration, entries, ...(jointDeclaration ? { jointDeclaration } : {}) }, language, messages: messagesFor(language), contactAddress: 'ports-alliance@ec.example.eu' });

  it('lists each organisation under its country and category with their counts, escaped', () => {
    const page = render([entry('<script>alert(1)</script> & Co', 'BE', 'customs'), entry('Havenbedrijf Rotterdam', 'NL', 'port_authority'), entry('Port of Amsterdam', 'NL', 'port_authority')]);
    expect(page).toContain('3 organisations listed');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(page).not.toContain('<script>');
    expect(page).toContain('Joint declaration &lt;2026&gt;');
    expect(page).toMatch(/<h2 id="country-BE">Belgium \(1\)<\/h2>\s*<h3>Customs authority \(1\)<\/h3>/);
    expect(page).toMatch(/<h2 id="country-NL">Netherlands \(2\)<\/h2>\s*<h3>Port authority \(public operator\) \(2\)<\/h3>/);
    expect(page.indexOf('Havenbedrijf Rotterdam')).toBeLessThan(page.indexOf('Port of Amsterdam'));
    expect(page).toContain('The sealed joint declaration is made when the campaign closes.');
  });

  it('speaks the reader’s language, countries and plurals included', () => {
    const french = render([entry('Douane', 'BE', 'customs')], 'fr');
    expect(french).toContain('<html lang="fr">');
    expect(french).toContain('1 organisation inscrite');
    expect(french).toContain('Belgique (1)');
    expect(render([], 'fr')).toContain('0 organisation inscrite');
    expect(render([entry('A', 'BE', 'customs'), entry('B', 'BE', 'customs')], 'el')).toContain('2 οργανισμοί στο μητρώο');
    expect(render([], 'de')).toContain('Noch ist keine Organisation verzeichnet.');
    for (const language of OPERATOR_LANGUAGES) {
      const page = render([], language);
      for (const other of OPERATOR_LANGUAGES.filter((candidate) => candidate !== language)) {
        expect(page).toContain(other === 'en' ? 'href="/register/dcl_1"' : `href="/register/dcl_1?lang=${other}"`);
      }
    }
  });

  it('links the public check of the sealed joint declaration once there is one, never its file', () => {
    const page = render([entry('Douane', 'BE', 'customs')], 'en', { sealedAt: '2026-12-01T10:00:00.000Z', signatoryCount: 12 });
    expect(page).toContain('The joint declaration was sealed on December 1, 2026 with 12 signatories.');
    expect(page).toContain('<a href="/verify/dcl_1">Check the sealed joint declaration</a>');
    expect(page).not.toContain('/api/');
  });

  it('lists the declarations that were opened, in the index', () => {
    const page = registerPage({ register: { kind: 'index', declarations: [{ id: 'dcl_2', title: 'Second & last', status: 'CLOSED' }] }, language: 'en', messages: messagesFor('en'), contactAddress: 'x@ec.example.eu' });
    expect(page).toContain('<a href="/register/dcl_2">Second &amp; last</a>');
    expect(registerPage({ register: { kind: 'index', declarations: [] }, language: 'en', messages: messagesFor('en'), contactAddress: 'x@ec.example.eu' })).toContain('No declaration is open for signing yet.');
  });
});

describe('the agreement to be published', () => {
  it('is legal text in every language, recognised by its hash', () => {
    for (const language of OPERATOR_LANGUAGES) {
      const statement = publicationStatement(language);
      expect(createHash('sha256').update(statement.text, 'utf8').digest('hex')).toBe(statement.sha256);
      expect(publicationShown(language, statement.sha256)).toEqual(statement);
      expect(publicationShown(language, 'a'.repeat(64))).toBeUndefined();
    }
    expect(publicationShown('en', publicationStatement('fr').sha256)).toBeUndefined();
    expect(publicationStatement('en').text).toContain('name, country and category');
  });

  const form = (extra: [string, string[]][] = []) => new Map<string, string[]>([
    ['action', ['sign']], ['signerName', ['Ana']], ['signerTitle', ['Director']], ['language', ['en']], ['textSha256', ['a'.repeat(64)]],
    ['consentLanguage', ['en']], ['consentSha256', ['b'.repeat(64)]], ['consent', ['yes']], ...extra,
  ]);

  it('is not given when the box is left unticked, with or without the statement on the page', () => {
    expect(readSigningForm(form()).form).toMatchObject({ action: 'sign', publish: false });
    const shown: [string, string[]][] = [['publicationLanguage', ['en']], ['publicationSha256', [publicationStatement('en').sha256]]];
    expect(readSigningForm(form(shown))).toMatchObject({ form: { publish: false }, problems: [] });
  });

  it('is given with the statement the page showed', () => {
    const sha256 = publicationStatement('de').sha256;
    expect(readSigningForm(form([['publish', ['yes']], ['publicationLanguage', ['de']], ['publicationSha256', [sha256]]]))).toMatchObject({
      form: { publish: true, publicationLanguage: 'de', publicationSha256: sha256 },
      problems: [],
    });
  });

  it('refuses a box the page could not have sent', () => {
    expect(() => readSigningForm(form([['publish', ['yes']]]))).toThrow(DomainError);
    expect(() => readSigningForm(form([['publish', ['on']], ['publicationLanguage', ['en']], ['publicationSha256', ['c'.repeat(64)]]]))).toThrow(/could not be read/);
    expect(() => readSigningForm(form([['publish', ['yes', 'yes']]]))).toThrow(DomainError);
  });
});
