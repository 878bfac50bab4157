import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime } from '../../templates/i18n';

const AT = new Date('2026-12-03T14:05:00Z');
const LANGUAGES = ['en', 'de', 'fr', 'el', 'bg', 'hu', 'ga', 'mt'];

describe('dates and times in the reader\'s language', () => {
  it('give the date and the time in UTC, in the 24-hour clock', () => {
    expect(formatDateTime(AT, 'en')).toMatch(/^(?=.*December)(?=.*\b3\b)(?=.*2026).*14:05 UTC$/);
    expect(formatTime(AT, 'en')).toBe('14:05 UTC');
  });

  it('stay each language\'s own when languages and styles alternate (formatters are reused)', () => {
    const expected = (language: string) => ({
      dateTime: `${new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }).format(AT)} UTC`,
      time: `${new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC', hourCycle: 'h23' }).format(AT)} UTC`,
    });
    for (let round = 0; round < 3; round++) {
      for (const language of LANGUAGES) {
        expect({ dateTime: formatDateTime(AT, language), time: formatTime(AT, language) }, language).toEqual(expected(language));
      }
    }
    expect(formatDateTime(AT, 'de')).not.toBe(formatDateTime(AT, 'en'));
  });

  it('format each date given, not the first one a formatter saw', () => {
    expect(formatTime(new Date('2026-12-03T09:30:00Z'), 'fr')).toBe('09:30 UTC');
    expect(formatTime(new Date('2026-12-03T23:59:00Z'), 'fr')).toBe('23:59 UTC');
  });

  it('refuse a malformed language tag as before', () => {
    expect(() => formatDateTime(AT, 'not a tag')).toThrow(RangeError);
  });
});
