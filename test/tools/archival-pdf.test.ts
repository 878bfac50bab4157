import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OPERATOR_LANGUAGES } from '../../functions/domain/languages';
import type { AuditTrail } from '../../functions/pdf/certificate-audit';
import type { CertificateInput } from '../../functions/pdf/certificate';
import { renderJointDeclaration } from '../../functions/pdf/joint-declaration';
import { A4_GEOMETRY } from '../../functions/pdf/page-writer';
import { renderSealedCertificate } from '../../functions/pdf/render-sealed-certificate';
import { sealPdf } from '../../functions/pdf/seal';
import { verifySealedPdf } from '../../functions/pdf/verify-seal';
import { createDevelopmentSeal } from '../../functions/seal/in-memory-signer';
import { en } from '../../templates/i18n/en';
import { messagesFor } from '../../templates/i18n';
import { certificateFor, declaration, signatories } from '../support/certificate-input';

/** The sealed documents as qpdf, pdfinfo, pdffonts, pdfsig and pdftotext (poppler-utils, qpdf) read them: PDF/A identification, the seal panel, page fill, wording per language. */

function run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command} failed to start (install poppler-utils and qpdf)`, { cause: result.error });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const normalizeWhitespace = (text: string) => text.replace(/\s+/g, ' ').trim();
const workDir = mkdtempSync(join(tmpdir(), 'epa-archival-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const seal = await createDevelopmentSeal();
let fileCount = 0;

function write(bytes: Uint8Array): string {
  const path = join(workDir, `document-${++fileCount}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

/** -layout keeps each label on the line of its value. */
const pageText = (path: string, page: number) => normalizeWhitespace(run('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), path, '-']).stdout);
const pageCount = (path: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]).stdout)?.[1]);

/**
 * How much of each page's text area holds content: from the top margin down to the lowest word above the
 * footer, as a share of the height between the margins (pdftotext -bbox gives each word's box, y downwards).
 */
function pageFill(path: string): number[] {
  const { margin, height } = A4_GEOMETRY;
  const pages = run('pdftotext', ['-bbox', path, '-']).stdout.split('<page ').slice(1);
  return pages.map((page) => {
    const bottoms = [...page.matchAll(/<word [^>]*yMax="([\d.]+)"/g)].map((match) => Number(match[1])).filter((yMax) => yMax <= height - margin.bottom);
    return bottoms.length === 0 ? 0 : (Math.max(...bottoms) - margin.top) / (height - margin.top - margin.bottom);
  });
}

const paragraphs = (count: number) =>
  Array.from({ length: count }, (_, index) => `${index + 1}. The signatories commit to identify the vulnerabilities of their port to drug trafficking, to share what works against it with the other members of the Alliance, and to protect their staff from intimidation and corruption.`).join('\n\n');

const auditTrail: AuditTrail = {
  events: ['INVITED', 'INVITATION_SENT', 'VIEWED', 'CODE_SENT', 'CODE_CONFIRMED', 'SIGNED', 'VERIFIED', 'COUNTERSIGNED'].map((type, index) => ({ at: `2026-11-2${index % 8}T09:00:00Z`, type, actor: index % 2 ? 'operator' : 'admin-7' })),
  checks: [
    { check: 'text-hash', passed: true, detail: 'Hash matches.' },
    { check: 'required-commitments', passed: true, detail: 'All accepted.' },
    { check: 'email-domain', passed: true, detail: 'Domain registered.' },
    { check: 'one-time-code', passed: true, detail: 'Code confirmed.' },
  ],
  clientAddressHash: 'c0ffee'.repeat(10) + 'abcd',
};

function certificateWith(paragraphCount: number, commitmentCount: number, audit: boolean, language = 'en'): CertificateInput {
  const text = paragraphs(paragraphCount);
  return certificateFor(signatories[3]!, {
    declaration: { ...declaration(text), language },
    commitments: Array.from({ length: commitmentCount }, (_, index) => ({ id: `c${index}`, text: `Commitment ${index + 1}: take part in the joint exercises and name a contact point for port security in each terminal.`, required: index % 2 === 0, accepted: true })),
    ...(audit ? { audit: auditTrail } : {}),
  });
}

describe('PDF/A-3b, as the tools read it', () => {
  it('seals a certificate that qpdf finds sound, pdfinfo identifies as PDF/A-3b, with tagged embedded subsets, a valid seal for pdfsig and our verifier', async () => {
    const bytes = await renderSealedCertificate(certificateWith(3, 2, true), seal.signer);
    const path = write(bytes);
    const check = run('qpdf', ['--check', path]);
    expect(check.status, check.stderr + check.stdout).toBe(0);
    expect(check.stdout).toContain('No syntax or stream encoding errors found');
    const metadata = run('pdfinfo', ['-meta', path]).stdout;
    expect(metadata).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(metadata).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    const fonts = run('pdffonts', [path]).stdout.split('\n').slice(2).filter(Boolean);
    expect(fonts).toHaveLength(2);
    for (const font of fonts) expect(font).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    const signature = run('pdfsig', [path]).stdout;
    expect(signature).toContain('Signature is Valid');
    expect(signature).toContain('Total document signed');
    const report = await verifySealedPdf(bytes, { sealAnchors: [seal.certificateDer] });
    expect(report.failures).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('seals a joint declaration that qpdf finds sound and pdfinfo identifies as PDF/A-3b', async () => {
    const doc = await renderJointDeclaration({
      documentId: 'dcl_archival',
      declaration: declaration(paragraphs(4)),
      closedAt: '2026-12-01T17:00:00Z',
      signatories: signatories.map((s) => ({ organisation: s.organisation, category: s.category, country: s.country, signer: s.contact, signedAt: '2026-11-26T12:00:00Z' })),
      verificationUrl: 'https://signing.example.eu/verify/dcl_archival',
    });
    const path = write(await sealPdf(doc, seal.signer, { name: 'European Commission', reason: 'Joint declaration', location: 'Brussels', contactInfo: 'European Commission' }));
    expect(run('qpdf', ['--check', path]).status).toBe(0);
    expect(run('pdfinfo', ['-meta', path]).stdout).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(run('pdfsig', [path]).stdout).toContain('Signature is Valid');
  });
});

describe('the seal panel', () => {
  it('says on the first page who seals (the seal certificate\'s subject), when, the PAdES level, where the trusted time is, and how to check it', async () => {
    const path = write(await renderSealedCertificate(certificateWith(2, 1, false), seal.signer, { sealedAt: new Date('2026-11-27T09:31:05Z'), padesLevel: 'B-LTA' }));
    const first = pageText(path, 1);
    const { seal: wording } = en.document;
    expect(first).toContain(`${wording.heading} ${wording.sealedBy} European Ports Alliance development seal, European Commission`);
    expect(first).toMatch(/European Commission (\S+ )*\(development\) \(BE\)/);
    expect(first).toContain(`${wording.sealedAt} 2026-11-27 09:31:05 UTC`);
    expect(first).toContain(`${wording.level} PAdES B-LTA`);
    expect(first).toContain(normalizeWhitespace(wording.trustedTime).slice(0, 40));
    expect(first).toContain(normalizeWhitespace(wording.howToCheck).slice(0, 40));
  });

  it('opens the joint declaration too, when it is to be sealed', async () => {
    const doc = await renderJointDeclaration({
      documentId: 'dcl_panel',
      declaration: declaration(paragraphs(2)),
      closedAt: '2026-12-01T17:00:00Z',
      signatories: [{ organisation: 'Port of Antwerp-Bruges', category: 'port_authority', country: 'BE', signer: 'Jan Peeters', signedAt: '2026-11-26T12:00:00Z' }],
      verificationUrl: 'https://signing.example.eu/verify/dcl_panel',
      seal: { sealedBy: 'European Commission seal, European Commission (BE)', sealedAt: '2026-12-01T17:05:00Z', level: 'B-T' },
    });
    const first = pageText(write(await doc.save()), 1);
    const { seal: wording } = en.document;
    expect(first).toContain(`${wording.heading} ${wording.sealedBy} European Commission seal, European Commission (BE) ${wording.sealedAt} 2026-12-01 17:05:00 UTC ${wording.level} PAdES B-T`);
    expect(first).toContain(normalizeWhitespace(wording.trustedTime).slice(0, 40));
  });

  it('names the level the seal reaches by default, and has no timestamp to speak of for a B-B seal', async () => {
    const path = write(await renderSealedCertificate(certificateWith(2, 1, false), seal.signer));
    const first = pageText(path, 1);
    expect(first).toContain(`${en.document.seal.level} PAdES B-B`);
    expect(first).not.toContain(normalizeWhitespace(en.document.seal.trustedTime).slice(0, 40));
  });
});

describe('no page left nearly empty', () => {
  const cases = [1, 3, 6, 9, 12, 16, 24].flatMap((paragraphCount) => [1, 4, 10].flatMap((commitmentCount) => [false, true].map((audit) => ({ paragraphCount, commitmentCount, audit }))));

  it('fills every page of a certificate but the last to at least a quarter, for short and long declarations, 1 to 10 commitments, with and without the audit trail', async () => {
    const sparse: string[] = [];
    for (const { paragraphCount, commitmentCount, audit } of cases) {
      const path = write(await renderSealedCertificate(certificateWith(paragraphCount, commitmentCount, audit), seal.signer, { padesLevel: 'B-LTA' }));
      const fill = pageFill(path);
      expect(fill).toHaveLength(pageCount(path));
      fill.slice(0, -1).forEach((share, index) => {
        if (share < 0.25) sparse.push(`${paragraphCount} paragraphs, ${commitmentCount} commitments${audit ? ', audit' : ''}: page ${index + 1} of ${fill.length} is ${Math.round(share * 100)}% full`);
      });
    }
    expect(sparse).toEqual([]);
  }, 120_000);

  it('fills every page of a joint declaration but the last to at least a quarter', async () => {
    const sparse: string[] = [];
    for (const paragraphCount of [1, 4, 8, 12, 16]) {
      for (const count of [1, 30, 120]) {
        const doc = await renderJointDeclaration({
          documentId: 'dcl_fill',
          declaration: declaration(paragraphs(paragraphCount)),
          closedAt: '2026-12-01T17:00:00Z',
          signatories: Array.from({ length: count }, (_, index) => ({ organisation: `Port authority ${index + 1}`, category: 'port_authority', country: 'BE', signer: 'Jan Peeters', signedAt: '2026-11-26T12:00:00Z' })),
          verificationUrl: 'https://signing.example.eu/verify/dcl_fill',
        });
        const fill = pageFill(write(await doc.save()));
        fill.slice(0, -1).forEach((share, index) => {
          if (share < 0.25) sparse.push(`${paragraphCount} paragraphs, ${count} signatories: page ${index + 1} of ${fill.length} is ${Math.round(share * 100)}% full`);
        });
      }
    }
    expect(sparse).toEqual([]);
  }, 120_000);
});

describe('the certificate in every official EU language', () => {
  it.each([...OPERATOR_LANGUAGES])('is worded in %s: pdftotext finds its signatory heading and seal panel heading', async (language) => {
    const { document: labels } = messagesFor(language);
    const text = normalizeWhitespace(run('pdftotext', ['-enc', 'UTF-8', write(await renderSealedCertificate(certificateWith(2, 2, true, language), seal.signer)), '-']).stdout);
    expect(text).toContain(labels.signatoryHeading);
    expect(text).toContain(labels.seal.heading);
    // Until a language's catalog has its own document wording, its certificate reads in English: that is what this catches.
    if (language !== 'en') expect([labels.signatoryHeading, labels.seal.heading]).not.toEqual([en.document.signatoryHeading, en.document.seal.heading]);
  });
});
