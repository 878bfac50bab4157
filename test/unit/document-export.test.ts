import { describe, expect, it } from 'vitest';
import { ExportFileNamer, exportIdFor, manifestCsv, manifestJson, safeNamePart, sameSelection, type ManifestEntry } from '../../functions/domain/document-export';
import { ID_PATTERN } from '../../functions/domain/ids';

const document = (organisation: string, commitmentId = 'cmt_01jf3k2m4n5p6q7r8s9t0vwxyz', country = 'GR', category = 'port_authority') =>
  ({ organisation, commitmentId, country, category });

describe('the file names of a ZIP export', () => {
  it('are <country>/<category>/<organisation>-<short id>.pdf, keeping letters of every script', () => {
    const namer = new ExportFileNamer();
    expect(namer.nameFor(document('Οργανισμός Λιμένος Πειραιώς Α.Ε.'))).toBe('GR/port_authority/Οργανισμός Λιμένος Πειραιώς Α.Ε-9t0vwxyz.pdf');
    expect(namer.nameFor(document('Pristaniški Ţărm Őrség', 'cmt_01jf3k2m4n5p6q7r8s9t0vabcd', 'SI', 'customs'))).toBe('SI/customs/Pristaniški Ţărm Őrség-9t0vabcd.pdf');
  });

  it('cannot leave their folder or break an unzip tool: separators, reserved and control characters and leading dots are replaced', () => {
    expect(safeNamePart('../../etc/passwd')).toBe('etc-passwd');
    expect(safeNamePart('A/B\\C:D*E?F"G<H>I|J')).toBe('A-B-C-D-E-F-G-H-I-J');
    expect(safeNamePart('Port\u0000 of\u200b\nAntwerp\u2028')).toBe('Port of Antwerp');
    expect(safeNamePart('...')).toBe('organisation');
    expect(safeNamePart('   ')).toBe('organisation');
    expect([...safeNamePart('Ω'.repeat(300))]).toHaveLength(80);
  });

  it('are composed to NFC, so one name is one name whichever way it was typed', () => {
    expect(safeNamePart('Pristaniš\u030Cki'.normalize('NFD'))).toBe('Pristaniš\u030Cki'.normalize('NFC'));
  });

  it('are unique within an export, even for the same organisation and short id, compared without case', () => {
    const namer = new ExportFileNamer();
    const first = namer.nameFor(document('Port of Rotterdam', 'cmt_01jf3k2m4n5p6q7r8s9t0vwxyz', 'NL'));
    const second = namer.nameFor(document('PORT OF ROTTERDAM', 'cmt_01jf3k2m4n5p6q7r8s9t0vwxyz', 'NL'));
    expect(first).toBe('NL/port_authority/Port of Rotterdam-9t0vwxyz.pdf');
    expect(second).toBe('NL/port_authority/PORT OF ROTTERDAM-9t0vwxyz-2.pdf');
  });
});

describe('the manifest of a ZIP export', () => {
  const entries: ManifestEntry[] = [
    { file: 'BE/customs/=HYPERLINK("x")-abcdefgh.pdf', sha256: 'a'.repeat(64), size: 81234, commitmentId: 'cmt_01jf3k2m4n5p6q7r8sabcdefgh', organisation: '=HYPERLINK("x")', country: 'BE', category: 'customs', sealedAt: '2027-01-05T10:00:00.000Z' },
    { file: 'BG/eu_agency/Агенция «Митници»-12345678.pdf', sha256: 'b'.repeat(64), size: 90000, commitmentId: 'cmt_01jf3k2m4n5p6q7r8s12345678', organisation: 'Агенция «Митници»', country: 'BG', category: 'eu_agency', sealedAt: '2027-01-06T11:00:00.000Z' },
  ];

  it('as CSV lists each file with its SHA-256, commitment id, organisation, country, category and sealing time, safe for spreadsheets', () => {
    const csv = manifestCsv(entries);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('file,sha256,size,commitment_id,organisation,country,category,sealed_at');
    expect(lines[1]).toBe(`"BE/customs/=HYPERLINK(""x"")-abcdefgh.pdf",${'a'.repeat(64)},81234,cmt_01jf3k2m4n5p6q7r8sabcdefgh,"'=HYPERLINK(""x"")",BE,customs,2027-01-05T10:00:00.000Z`);
    expect(lines[2]).toBe(`BG/eu_agency/Агенция «Митници»-12345678.pdf,${'b'.repeat(64)},90000,cmt_01jf3k2m4n5p6q7r8s12345678,Агенция «Митници»,BG,eu_agency,2027-01-06T11:00:00.000Z`);
  });

  it('as JSON holds the export, its selection and the same entries', () => {
    const parsed = JSON.parse(manifestJson({ exportId: 'exp_x', selection: { declarationId: 'dcl_y', countries: ['BE', 'BG'] }, createdAt: '2027-01-07T00:00:00.000Z' }, entries)) as Record<string, unknown>;
    expect(parsed).toEqual({ exportId: 'exp_x', createdAt: '2027-01-07T00:00:00.000Z', selection: { declarationId: 'dcl_y', countries: ['BE', 'BG'] }, count: 2, files: entries });
  });
});

describe('an export request', () => {
  it('has one id per caller and request id, shaped like every id of ours', () => {
    const id = exportIdFor('auditor-1', 'b4c1e2d3-0000-4000-8000-000000000001');
    expect(id).toMatch(ID_PATTERN);
    expect(exportIdFor('auditor-1', 'b4c1e2d3-0000-4000-8000-000000000001')).toBe(id);
    expect(exportIdFor('auditor-2', 'b4c1e2d3-0000-4000-8000-000000000001')).not.toBe(id);
    expect(exportIdFor('auditor-1', 'b4c1e2d3-0000-4000-8000-000000000002')).not.toBe(id);
  });

  it('names the same documents whatever the order of its keys and listed values', () => {
    expect(sameSelection({ declarationId: 'd', countries: ['BE', 'GR'], categories: ['customs'] }, { categories: ['customs'], countries: ['GR', 'BE'], declarationId: 'd' })).toBe(true);
    expect(sameSelection({ declarationId: 'd', countries: ['BE'] }, { declarationId: 'd', countries: ['GR'] })).toBe(false);
    expect(sameSelection({ declarationId: 'd' }, { declarationId: 'd', countries: [] })).toBe(true);
  });
});
