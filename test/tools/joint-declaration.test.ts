import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderJointDeclaration, type JointSignatory } from '../../functions/pdf/joint-declaration';
import { sealPdf } from '../../functions/pdf/seal';
import { verifySealedPdf } from '../../functions/pdf/verify-seal';
import { createDevelopmentSeal } from '../../functions/seal/in-memory-signer';
import { messagesFor } from '../../templates/i18n';
import { CHUNK_BYTES, MAX_DOCUMENT_BYTES, splitIntoChunks } from '../../functions/store/document-chunks';

interface FixtureSignatory { country: string; category: string; organisation: string; contact: string }
const { signatories: fixtures } = JSON.parse(readFileSync(new URL('../fixtures/eu-signatories.json', import.meta.url), 'utf8')) as { signatories: FixtureSignatory[] };

const TEXT = 'The signatories commit to strengthening the resilience of European ports against organised crime.';
const SIGNATORY_COUNT = 5_000;
/** 5,000 rows cycling through the names of every EU language, each made unique by its number. */
const signatories: JointSignatory[] = Array.from({ length: SIGNATORY_COUNT }, (_, index) => {
  const fixture = fixtures[index % fixtures.length]!;
  return { organisation: `${fixture.organisation} ${index + 1}`, category: fixture.category, country: fixture.country, signer: fixture.contact, signedAt: '2026-11-26T12:00:00Z' };
});

const workDir = mkdtempSync(join(tmpdir(), 'epa-joint-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
let path = '';
let bytes: Buffer;
let certificate: Buffer;

beforeAll(async () => {
  const seal = await createDevelopmentSeal();
  certificate = seal.certificateDer;
  const doc = await renderJointDeclaration({
    documentId: 'dcl_01jdjointdeclaration0000',
    declaration: { title: 'Joint Declaration of the European Ports Alliance', version: '1.0', language: 'en', text: TEXT, textSha256: createHash('sha256').update(TEXT).digest('hex') },
    closedAt: '2026-12-01T17:00:00Z',
    signatories,
    verificationUrl: 'https://signing.example.eu/verify/dcl_01jdjointdeclaration0000',
  });
  bytes = await sealPdf(doc, seal.signer, { name: 'European Commission', reason: 'Joint declaration', location: 'Brussels', contactInfo: 'European Commission' });
  path = join(workDir, 'joint.pdf');
  writeFileSync(path, bytes);
}, 120_000);

describe('the joint declaration with 5,000 signatories', () => {
  it('is sealed over the whole document and valid for pdfsig and qpdf', async () => {
    const pdfsig = spawnSync('pdfsig', [path], { encoding: 'utf8' }).stdout;
    expect(pdfsig).toContain('Signature is Valid');
    expect(pdfsig).toContain('Total document signed');
    expect(spawnSync('qpdf', ['--check', path], { encoding: 'utf8' }).status).toBe(0);
    expect((await verifySealedPdf(bytes, [certificate])).valid).toBe(true);
  });

  it('stays within a sensible page count and under the size a download can carry, in 350 KB chunks', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [path], { encoding: 'utf8' }).stdout)?.[1]);
    // About 30-60 rows a page, depending on how many names wrap.
    expect(pages).toBeGreaterThan(SIGNATORY_COUNT / 60);
    expect(pages).toBeLessThan(SIGNATORY_COUNT / 25);
    expect(bytes.length).toBeLessThan(MAX_DOCUMENT_BYTES);
    const chunks = splitIntoChunks(bytes);
    expect(chunks.every((chunk) => chunk.length <= CHUNK_BYTES)).toBe(true);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('lists every signatory exactly as named, with category, country and date', () => {
    const text = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Annex: the 5,000 signatories');
    for (const index of [0, 1, 2, 1234, 2999, 4998, SIGNATORY_COUNT - 1]) {
      const row = signatories[index]!;
      const organisationWords = row.organisation.split(' ');
      // The organisation may wrap inside its column; its last words (with the row number) stay together.
      expect(text, row.organisation).toContain(organisationWords.slice(-2).join(' '));
    }
    for (const fixture of fixtures) expect(text).toContain(fixture.contact);
    expect(text).toContain('2026-11-26');
  });

  it('names each category in the document\'s language, never by its id', async () => {
    const doc = await renderJointDeclaration({
      documentId: 'dcl_01jdjointdeclarationfr00',
      declaration: { title: 'Déclaration commune', version: '1.0', language: 'fr', text: TEXT, textSha256: createHash('sha256').update(TEXT).digest('hex') },
      closedAt: '2026-12-01T17:00:00Z',
      signatories: [{ organisation: 'Europol', category: 'eu_agency', country: 'NL', signer: 'Anna de Vries', signedAt: '2026-11-26T12:00:00Z' }],
      verificationUrl: 'https://signing.example.eu/verify/dcl_01jdjointdeclarationfr00',
    });
    const french = join(workDir, 'joint-fr.pdf');
    writeFileSync(french, await doc.save());
    const text = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', french, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain(messagesFor('fr').categories.eu_agency);
    expect(text).not.toContain('eu_agency');
  });
});
