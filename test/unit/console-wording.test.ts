import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT_TYPES, type AuditEventType } from '../../functions/domain/audit-events';
import { count, COUNTS } from '../../templates/console/counts';
import { CONSOLE_LANGUAGES, CONSOLE_MESSAGES } from '../../templates/console/i18n';
import { messagesFor } from '../../templates/i18n';

describe('the console\'s counts', () => {
  it('picks each wording\'s form with the plural rules of English, and its own words for none', () => {
    expect(count(0, COUNTS.countersignSelected)).toBe('Countersign the selected commitments');
    expect(count(1, COUNTS.countersignSelected)).toBe('Countersign 1 selected commitment');
    expect(count(3, COUNTS.countersignSelected)).toBe('Countersign 3 selected commitments');
    expect(count(0, COUNTS.commitmentsMatch)).toBe('0 commitments match');
    expect(count(1, COUNTS.commitmentsMatch)).toBe('1 commitment matches');
    expect(count(1250, COUNTS.organisation)).toBe('1,250 organisations');
    expect(count(1, COUNTS.byte)).toBe('1 byte');
  });

  it('words every count in the singular and the plural, the plural with the number', () => {
    for (const [name, wording] of Object.entries(COUNTS)) {
      expect(wording.one, name).toBeTruthy();
      expect(wording.other, name).toContain('{n}');
    }
  });
});

describe('the words for audit events', () => {
  it('names every kind of event in words, never by its code', () => {
    for (const type of AUDIT_EVENT_TYPES) {
      expect(CONSOLE_MESSAGES.en.events[type], type).toMatch(/^[A-Z][a-z-]* ?[a-z]/);
      expect(CONSOLE_MESSAGES.en.events[type], type).not.toMatch(/_|[A-Z]{2,}/);
    }
  });

  it('words each event and category as the operators’ pages and the sealed certificate do, in each console language', () => {
    for (const language of CONSOLE_LANGUAGES) {
      expect(CONSOLE_MESSAGES[language].events, language).toEqual(messagesFor(language).document.audit.events);
      expect(CONSOLE_MESSAGES[language].categories, language).toEqual(messagesFor(language).categories);
    }
  });

  it('is checked by the type-checker: a kind without its words does not compile', () => {
    // @ts-expect-error every kind of event must have its words
    const incomplete: Readonly<Record<AuditEventType, string>> = { INVITED: 'Invited' };
    expect(Object.keys(incomplete)).toHaveLength(1);
  });
});
