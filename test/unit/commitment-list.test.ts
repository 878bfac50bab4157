import { describe, expect, it } from 'vitest';
import { listPage, signaturesOverTime, summarise, type CommitmentRow } from '../../functions/domain/commitment-list';

function row(overrides: Partial<CommitmentRow> & { id: string }): CommitmentRow {
  return { organisation: 'Org', category: 'customs', country: 'BE', email: `${overrides.id}@x.example`, contactName: 'Ann', language: 'en', state: 'INVITED', invitedAt: '2027-01-01T10:00:00.000Z', updatedAt: '2027-01-01T10:00:00.000Z', ...overrides };
}

const rows: CommitmentRow[] = [
  row({ id: 'a', organisation: 'Λιμενικό Σώμα', country: 'GR', state: 'DELIVERED', signedAt: '2027-01-02T09:30:00.000Z', invitedAt: '2027-01-01T10:00:01.000Z' }),
  row({ id: 'b', organisation: 'Port of Rotterdam', country: 'NL', category: 'port_authority', state: 'IN_REVIEW', signedAt: '2027-01-02T11:00:00.000Z', invitedAt: '2027-01-01T10:00:02.000Z' }),
  row({ id: 'c', organisation: 'Douane française', country: 'FR', state: 'INVITED', invitedAt: '2027-01-01T10:00:03.000Z' }),
  row({ id: 'd', organisation: 'Pristanište Rijeka', country: 'HR', category: 'port_authority', state: 'VERIFIED', signedAt: '2027-01-02T09:10:00.000Z', invitedAt: '2027-01-01T10:00:04.000Z' }),
  row({ id: 'e', organisation: 'Europol', country: 'NL', category: 'eu_agency', state: 'DECLINED', invitedAt: '2027-01-01T10:00:05.000Z' }),
];

const base = { sort: 'invitedAt', order: 'asc', page: 1 } as const;

describe('the tracking list', () => {
  it('filters by state, category and country together', () => {
    expect(listPage(rows, { ...base, categories: ['port_authority'], countries: ['NL', 'HR'] }).rows.map((r) => r.id)).toEqual(['b', 'd']);
    expect(listPage(rows, { ...base, states: ['INVITED', 'DECLINED'] }).rows.map((r) => r.id)).toEqual(['c', 'e']);
  });

  it('searches without regard to case or accents, in any script', () => {
    expect(listPage(rows, { ...base, search: 'DOUANE francaise' }).rows.map((r) => r.id)).toEqual(['c']);
    expect(listPage(rows, { ...base, search: 'λιμενικο' }).rows.map((r) => r.id)).toEqual(['a']);
    expect(listPage(rows, { ...base, search: 'pristaniste' }).rows.map((r) => r.id)).toEqual(['d']);
  });

  it('searches across scripts by transliteration, as names are romanised officially or letter by letter', () => {
    const people: CommitmentRow[] = [
      row({ id: 'gr', organisation: 'Λιμενικό Σώμα – Ελληνική Ακτοφυλακή', contactName: 'Ελένη Παπαδοπούλου', country: 'GR' }),
      row({ id: 'bg', organisation: 'Агенция „Митници“', contactName: 'Иван Петров', country: 'BG' }),
      row({ id: 'bg2', organisation: 'Пристанищна администрация Бургас', contactName: 'Христо Хаджиев', country: 'BG' }),
      row({ id: 'pl', organisation: 'Zarząd Morskiego Portu Gdańsk', contactName: 'Łucja Żółkiewska', country: 'PL' }),
      row({ id: 'mt', organisation: 'Transport Malta', contactName: 'Ġużeppi Borġ', country: 'MT' }),
    ];
    const found = (search: string) => listPage(people, { ...base, search }).rows.map((r) => r.id);
    expect(found('papadopoulou')).toEqual(['gr']);
    expect(found('Papadopoyloy')).toEqual(['gr']);
    expect(found('limeniko soma')).toEqual(['gr']);
    expect(found('mitnitsi')).toEqual(['bg']);
    expect(found('ivan petrov')).toEqual(['bg']);
    expect(found('pristanishtna burgas')).toEqual(['bg2']);
    expect(found('hristo hadzhiev')).toEqual(['bg2']);
    expect(found('lucja zolkiewska')).toEqual(['pl']);
    expect(found('guzeppi borg')).toEqual(['mt']);
    expect(found('Παπαδοπούλου')).toEqual(['gr']);
    expect(found('митници')).toEqual(['bg']);
    expect(found('papadopoulou mitnitsi')).toEqual([]);
  });

  it('sorts by organisation, state or signature, unsigned last', () => {
    expect(listPage(rows, { ...base, sort: 'organisation' }).rows.map((r) => r.organisation)).toEqual(['Douane française', 'Europol', 'Port of Rotterdam', 'Pristanište Rijeka', 'Λιμενικό Σώμα']);
    expect(listPage(rows, { ...base, sort: 'signedAt' }).rows.map((r) => r.id)).toEqual(['d', 'a', 'b', 'c', 'e']);
    expect(listPage(rows, { ...base, sort: 'invitedAt', order: 'desc' }).rows[0]!.id).toBe('e');
  });

  it('cuts pages and keeps the page within range', () => {
    const second = listPage(rows, { ...base, pageSize: 2, page: 2 });
    expect(second).toMatchObject({ matching: 5, page: 2, pageSize: 2, pages: 3 });
    expect(second.rows.map((r) => r.id)).toEqual(['c', 'd']);
    expect(listPage(rows, { ...base, pageSize: 2, page: 99 }).page).toBe(3);
  });
});

describe('the dashboard summary', () => {
  it('counts by state, category and country, and measures progress', () => {
    const summary = summarise(rows);
    expect(summary.total).toBe(5);
    expect(summary.byCountry).toEqual({ GR: 1, NL: 2, FR: 1, HR: 1 });
    expect(summary.byCategory).toMatchObject({ customs: 2, port_authority: 2, eu_agency: 1, law_enforcement: 0 });
    expect(summary.progress).toEqual({ signed: 3, delivered: 1, awaitingSignature: 1, closedUnsigned: 1 });
  });

  it('counts signatures per hour over a short campaign, with empty hours in between', () => {
    const series = signaturesOverTime(['2027-01-02T09:10:00Z', '2027-01-02T09:30:00Z', '2027-01-02T11:00:00Z']);
    expect(series).toEqual({
      bucket: 'hour',
      points: [
        { start: '2027-01-02T09:00:00.000Z', count: 2, cumulative: 2 },
        { start: '2027-01-02T10:00:00.000Z', count: 0, cumulative: 2 },
        { start: '2027-01-02T11:00:00.000Z', count: 1, cumulative: 3 },
      ],
    });
  });

  it('counts per day over a long campaign', () => {
    const series = signaturesOverTime(['2027-01-01T09:00:00Z', '2027-01-20T09:00:00Z']);
    expect(series.bucket).toBe('day');
    expect(series.points).toHaveLength(20);
    expect(series.points[19]).toEqual({ start: '2027-01-20T00:00:00.000Z', count: 1, cumulative: 2 });
  });
});
