import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../functions/domain/categories';
import { missingForOpening, placeInDeclaration, updateDeclarationSchema } from '../../functions/domain/declaration';
import { DomainError } from '../../functions/domain/errors';
import { validate } from '../../functions/shared/http';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';

/** A draft as the form sends it with nothing filled in but the English title. */
function barelyStarted(title = 'Joint declaration') {
  return {
    version: '1.0',
    defaultLanguage: 'en',
    texts: { en: { title, text: '' }, fr: { title: '', text: '' } },
    commitments: Object.fromEntries(CATEGORIES.map((category) => [category, category === 'customs' ? [{ text: '', required: true }] : []])),
  };
}

function refusal(input: unknown): DomainError {
  try {
    validate(updateDeclarationSchema, input, placeInDeclaration);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the input was accepted');
}

describe('a declaration\'s draft', () => {
  it('is saved with every field still empty but the title that names it', () => {
    const draft = validate(updateDeclarationSchema, barelyStarted(), placeInDeclaration);
    expect(draft.texts.en).toEqual({ title: 'Joint declaration', text: '' });
    expect(draft.commitments.law_enforcement).toEqual([]);
  });

  it('names each refused field in words, with its path for the form', () => {
    const untitled = refusal(barelyStarted('  '));
    expect(untitled.details).toEqual(['English version: the title is required, even in a draft: it names the declaration']);
    expect(untitled.fields).toEqual([{ field: 'texts.en.title', message: untitled.details[0] }]);

    const input = barelyStarted();
    const wrong = refusal({
      ...input,
      deadline: '2001-01-01T00:00:00Z',
      commitments: { ...input.commitments, customs: [{ text: 'Scan', required: true }, { id: 'Not An Id', text: '', required: true }] },
      organisationDomains: [{ organisation: 'Port of Gdańsk', domains: [] }],
    });
    expect(wrong.fields).toEqual([
      { field: 'commitments.customs.1.id', message: 'Customs authority, commitment 2: the id must be 1-40 lowercase letters, digits or dashes' },
      { field: 'deadline', message: 'Deadline: it must be in the future' },
      { field: 'organisationDomains.0.domains', message: 'Registered email domains, line 1: list at least one email domain for the organisation' },
    ]);
    expect(wrong.details.every((detail) => !/^[a-z]+(\.[\w]+)+:/.test(detail))).toBe(true);
  });

  it('refuses a default language that has no version, naming the language', () => {
    const error = refusal({ ...barelyStarted(), defaultLanguage: 'de' });
    expect(error.fields).toEqual([{ field: 'defaultLanguage', message: 'Default language: German (de) has no version below: write one, or choose one of the languages below' }]);
  });
});

describe('what a draft lacks to be opened', () => {
  it('lists every missing piece in words, with its field', () => {
    const draft = validate(updateDeclarationSchema, barelyStarted(), placeInDeclaration);
    expect(missingForOpening(draft)).toEqual([
      { field: 'texts.en.text', message: 'English version: the text is missing' },
      { field: 'texts.fr.title', message: 'French version: the title is missing' },
      { field: 'texts.fr.text', message: 'French version: the text is missing' },
      { field: 'commitments.law_enforcement', message: 'Law enforcement: add at least one commitment' },
      { field: 'commitments.customs.0.text', message: 'Customs authority, commitment 1: the English text is missing' },
      { field: 'commitments.customs.0.texts.fr', message: 'Customs authority, commitment 1: the French text is missing' },
      { field: 'commitments.port_authority', message: 'Port authority (public operator): add at least one commitment' },
      { field: 'commitments.private_operator', message: 'Private operator (terminal, shipping line, logistics): add at least one commitment' },
      { field: 'commitments.eu_agency', message: 'EU agency: add at least one commitment' },
    ]);
  });

  it('is nothing for a complete declaration', () => {
    expect(missingForOpening(validate(updateDeclarationSchema, sampleDeclaration(), placeInDeclaration))).toEqual([]);
  });
});
