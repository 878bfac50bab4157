import { describe, expect, it } from 'vitest';
import { invitationCsvTemplate, MAX_CSV_ROWS, parseInvitationCsv } from '../../functions/domain/invitation-csv';

const HEADER = 'organisation,category,country,email,contact_name,language,email_domains';

describe('reading an invitation file', () => {
  it('reads good rows with their line numbers, in any column order, with a BOM and CRLF', () => {
    const csv = '\uFEFFemail,organisation,contact_name,country,category\r\nops@olp.example,"Port of Piraeus Authority","Αθανάσιος Παπαδόπουλος",gr,Port authority\r\nduty@customs.pl.example,Krajowa Administracja Skarbowa,Zofia Wiśniewska,PL,customs\r\n';
    const parsed = parseInvitationCsv(csv);
    expect(parsed.fileErrors).toEqual([]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.valid.map((row) => [row.line, row.dataRow, row.invitation.organisation.category, row.invitation.organisation.country, row.invitation.language])).toEqual([
      [2, 1, 'port_authority', 'GR', 'en'],
      [3, 2, 'customs', 'PL', 'en'],
    ]);
  });

  it('reads files saved with semicolons, as spreadsheets in much of the EU save them', () => {
    const parsed = parseInvitationCsv('organisation;category;country;email;contact_name;email_domains\n"Douane, Belgique";customs;BE;a@douane.example;Jan Peeters;douane.example fin.example\n');
    expect(parsed.valid[0]!.invitation.organisation).toMatchObject({ name: 'Douane, Belgique', emailDomains: ['douane.example', 'fin.example'] });
  });

  it('reports each bad row with its line and reasons naming the columns, and keeps the good ones', () => {
    const csv = [
      HEADER,
      'Good Port,port_authority,NL,good@port.example,Anna de Vries,nl,port.example',
      'Bad Port,harbour,Netherlands,not-an-address,,english,',
      '"Multi',
      'line name",customs,FR,multi@douane.example,Jean Dupont,fr,',
      'Short row,customs',
    ].join('\n');
    const parsed = parseInvitationCsv(csv);
    expect(parsed.valid.map((row) => row.line)).toEqual([2]);
    expect(parsed.problems.map((problem) => problem.line)).toEqual([3, 4, 6]);
    const bad = parsed.problems[0]!;
    expect(bad.reasons).toEqual(expect.arrayContaining([
      expect.stringMatching(/^category: category must be one of/),
      expect.stringMatching(/^country: /),
      expect.stringMatching(/^email: /),
      expect.stringMatching(/^contact_name: contact name is required/),
      expect.stringMatching(/^language: /),
    ]));
    // A quoted field may span lines: the row is reported at the line where it starts.
    expect(parsed.problems[1]!.reasons).toEqual(['organisation: organisation name must not contain control characters']);
    expect(parsed.problems[2]!.reasons[0]).toMatch(/has 2 field\(s\) where the header names 7/);
  });

  it('accepts every official EU language and refuses one the product does not speak, naming the column and the codes', () => {
    const parsed = parseInvitationCsv(`${HEADER}\nKrajowa Administracja Skarbowa,customs,PL,kas@mf.pl.example,Zofia Wiśniewska,pl,\nAgencia Tributaria,customs,ES,aduanas@aeat.es.example,Ana García, ES ,\nZhongguo Haiguan,customs,BE,haiguan@customs.example,Li Wei,zh,\n`);
    expect(parsed.valid.map((row) => row.invitation.language)).toEqual(['pl', 'es']);
    expect(parsed.problems).toEqual([{
      line: 4,
      email: 'haiguan@customs.example',
      organisation: 'Zhongguo Haiguan',
      reasons: ['language: "zh" is not a language the product supports; use one of bg, cs, da, de, el, en, es, et, fi, fr, ga, hr, hu, it, lt, lv, mt, nl, pl, pt, ro, sk, sl, sv'],
    }]);
  });

  it('reports an address listed twice on the later line', () => {
    const parsed = parseInvitationCsv(`${HEADER}\nA,customs,BE,same@x.example,Ann,,\nB,customs,BE,SAME@x.example,Bob,,\n`);
    expect(parsed.valid.map((row) => row.line)).toEqual([2]);
    expect(parsed.problems).toEqual([{ line: 3, email: 'same@x.example', organisation: 'B', reasons: ['email: same@x.example is already listed on line 2'] }]);
  });

  it('refuses a file without the required columns, or with unknown ones, naming them', () => {
    expect(parseInvitationCsv('organisation,email,phone\nA,a@b.example,1\n').fileErrors).toEqual([
      'Unknown column(s): phone. The columns are: organisation, category, country, email, contact_name, language, email_domains.',
      'Missing column(s): category, country, contact_name.',
    ]);
  });

  it('refuses an empty file, a header alone and broken quoting with a line number', () => {
    expect(parseInvitationCsv('').fileErrors[0]).toMatch(/empty/);
    expect(parseInvitationCsv(`${HEADER}\n`).fileErrors).toEqual(['The file has a header but no rows.']);
    expect(parseInvitationCsv(`${HEADER}\nA,customs,BE,a@b.example,"Ann,,\n`).fileErrors[0]).toMatch(/^The file could not be read at line \d/);
  });

  it(`refuses more than ${MAX_CSV_ROWS} rows`, () => {
    const rows = Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => `Org ${i},customs,BE,a${i}@b.example,Ann,,`);
    expect(parseInvitationCsv(`${HEADER}\n${rows.join('\n')}`).fileErrors).toEqual([`The file has ${MAX_CSV_ROWS + 1} rows; at most 5,000 can be imported at once. Split it.`]);
  });

  it('offers a template that reads back clean', () => {
    const parsed = parseInvitationCsv(invitationCsvTemplate());
    expect(parsed.problems).toEqual([]);
    expect(parsed.valid).toHaveLength(1);
  });
});
