import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateInput } from '../../functions/pdf/certificate';
import { renderSealedCertificate } from '../../functions/pdf/render-sealed-certificate';
import { createDevelopmentSeal } from '../../functions/seal/in-memory-signer';
import { certificateFor, declaration, DECLARATION_TEXT, signatories } from '../support/certificate-input';

function run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command} failed to start (install poppler-utils and qpdf)`, { cause: result.error });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const normalizeWhitespace = (text: string) => text.replace(/\s+/g, ' ').trim();

function extractText(pdfPath: string): string {
  const { status, stdout, stderr } = run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']);
  expect(status, stderr).toBe(0);
  return normalizeWhitespace(stdout);
}

const workDir = mkdtempSync(join(tmpdir(), 'epa-certificates-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const { signer: sealSigner } = await createDevelopmentSeal();

async function writeSealedCertificate(name: string, input: CertificateInput) {
  const bytes = await renderSealedCertificate(input, sealSigner);
  const path = join(workDir, `${name}.pdf`);
  writeFileSync(path, bytes);
  return { path, bytes };
}

describe('sealed certificate for each EU signatory', () => {
  const pdfPaths: string[] = [];

  beforeAll(async () => {
    for (const [index, signatory] of signatories.entries()) {
      const { path } = await writeSealedCertificate(`signatory-${index}`, certificateFor(signatory));
      pdfPaths.push(path);
    }
  }, 120_000);

  it('covers every fixture entry', () => {
    expect(signatories).toHaveLength(30);
    expect(pdfPaths).toHaveLength(signatories.length);
  });

  it.each(signatories.map((signatory, index) => ({ index, signatory, label: `#${index + 1} (${signatory.language}, ${signatory.country})` })))(
    'prints the names of signatory $label exactly as typed',
    ({ index, signatory }) => {
      const text = extractText(pdfPaths[index] ?? '');
      for (const value of [signatory.organisation, signatory.contact, signatory.function, signatory.email]) {
        expect(text).toContain(normalizeWhitespace(value));
      }
    },
  );

  it('carries a valid ETSI.CAdES.detached seal over the whole document', () => {
    for (const path of pdfPaths) {
      const { stdout } = run('pdfsig', [path]);
      expect(stdout).toContain('Signature is Valid');
      expect(stdout).toContain('Total document signed');
      expect(stdout).toContain('ETSI.CAdES.detached');
      expect(stdout).toContain('European Ports Alliance development seal');
    }
  });

  it('is structurally sound according to qpdf', () => {
    for (const path of pdfPaths) {
      const { status, stdout, stderr } = run('qpdf', ['--check', path]);
      expect(status, stdout + stderr).toBe(0);
    }
  });
});

describe('certificate content', () => {
  it('prints the declaration, commitments, signatory and countersignature blocks', async () => {
    const signatory = signatories.find((entry) => entry.country === 'GR') ?? signatories[0]!;
    const input = certificateFor(signatory);
    const { path } = await writeSealedCertificate('content', input);
    const text = extractText(path);

    expect(text).toContain(input.declaration.title);
    expect(text).toContain(input.declaration.textSha256);
    expect(text).toContain(normalizeWhitespace(DECLARATION_TEXT));
    expect(text).toContain('Accepted Appoint a single point of contact for port security. (required)');
    expect(text).toContain('Not accepted Take part in the annual joint exercise.');
    expect(text).toContain('2026-11-26 12:00:00 UTC');
    expect(text).toContain('2026-11-27 09:30:00 UTC');
    expect(text).toContain(input.countersignature.name);
    expect(text).toContain(input.documentId);
    expect(text).toContain(input.verificationUrl);
  });

  it('ends with the audit trail: events with UTC times, the checks by name and their outcomes, the keyed client address hash', async () => {
    const input = certificateFor(signatories[0]!, {
      audit: {
        events: [
          { at: '2026-11-20T09:00:00Z', type: 'INVITED', actor: 'admin-7' },
          { at: '2026-11-26T12:00:00Z', type: 'SIGNED', actor: 'operator' },
          { at: '2026-11-27T09:30:00Z', type: 'COUNTERSIGNED', actor: 'admin-7' },
        ],
        checks: [
          { check: 'text-hash', passed: true, detail: 'The signer saw the declaration text exactly as issued.' },
          { check: 'email-domain', passed: false, detail: 'The address is outside the registered domains.' },
        ],
        clientAddressHash: 'c0ffee'.repeat(10) + 'abcd',
      },
    });
    const { path } = await writeSealedCertificate('audit', input);
    const pageCount = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]).stdout)?.[1]);
    // -layout keeps each time on the line of its event.
    const lastPage = normalizeWhitespace(run('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', String(pageCount), '-l', String(pageCount), path, '-']).stdout);
    expect(lastPage).toContain('Audit trail');
    expect(lastPage).toContain('2026-11-20 09:00:00 UTC Invited · admin-7');
    expect(lastPage).toContain('2026-11-26 12:00:00 UTC Signed · operator');
    // Checks by their names, never their ids; a failed one also says why.
    expect(lastPage).toContain('Passed The signer saw the declaration text as issued');
    expect(lastPage).toContain('Failed The signer’s email address belongs to the organisation: The address is outside the registered domains.');
    expect(lastPage).not.toMatch(/text-hash|email-domain/);
    expect(lastPage).toContain('c0ffee'.repeat(10) + 'abcd');
    expect(run('pdfsig', [path]).stdout).toContain('Signature is Valid');
  });

  it('leaves the client address out when the record has none', async () => {
    const input = certificateFor(signatories[0]!, { audit: { events: [{ at: '2026-11-20T09:00:00Z', type: 'INVITED', actor: 'admin-7' }], checks: [] } });
    const text = extractText((await writeSealedCertificate('audit-without-address', input)).path);
    expect(text).toContain('Audit trail');
    expect(text).not.toContain('Keyed hash');
  });

  it('keeps ligature-prone letter pairs as separate characters', async () => {
    const input = certificateFor(signatories[0]!, {
      organisation: { name: 'Office of Fjord Traffic Affairs', country: 'FI' },
      signer: { name: 'Fiona Ffion Griffith', title: 'Chief Officer', email: 'f@x.example', signedAt: '2026-11-26T12:00:00Z' },
    });
    const text = extractText((await writeSealedCertificate('ligatures', input)).path);
    for (const value of ['Office of Fjord Traffic Affairs', 'Fiona Ffion Griffith', 'Chief Officer']) {
      expect(text).toContain(value);
    }
  });

  it('wraps a long declaration over several pages without losing a word', async () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Article ${i + 1}. ${DECLARATION_TEXT.replace('\n\n', ' ')}`);
    const input = certificateFor(signatories[0]!, { declaration: declaration(paragraphs.join('\n\n')) });
    const { path } = await writeSealedCertificate('long', input);

    const pageCount = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]).stdout)?.[1]);
    expect(pageCount).toBeGreaterThan(2);
    const text = extractText(path);
    expect(text).toContain(`Page ${pageCount} of ${pageCount}`);
    const footer = / ?European Ports Alliance · Document \S+ Page \d+ of \d+/g;
    const textWithoutFooters = text.replace(footer, '');
    for (const paragraph of paragraphs) expect(textWithoutFooters).toContain(normalizeWhitespace(paragraph));
  });
});

describe('seal integrity', () => {
  it('reports a digest mismatch when one signed byte changes', async () => {
    const { bytes } = await writeSealedCertificate('to-tamper', certificateFor(signatories[0]!));
    const signedUntil = byteRange(bytes)[1];
    // The header's binary comment: inside the first signed range, and changing it leaves the file parseable.
    const offset = bytes.indexOf('\n%') + 2;
    expect(offset).toBeLessThan(signedUntil);

    const tampered = Buffer.from(bytes);
    tampered[offset] = (tampered[offset] ?? 0) ^ 0x01;
    const path = join(workDir, 'tampered.pdf');
    writeFileSync(path, tampered);

    const { stdout } = run('pdfsig', [path]);
    expect(stdout).not.toContain('Signature is Valid');
    expect(stdout).toContain('Digest Mismatch');
  });
});

describe('characters no font has', () => {
  // Which characters are reported, and that the seal holds, is checked in test/unit/pdf-certificate.test.ts.
  it('replaces them visibly and still seals', async () => {
    const input = certificateFor(signatories[0]!, {
      signer: { name: 'Zhang 张伟 🚢️ Wei', title: 'Liaison 张', email: 'z@x.example', signedAt: '2026-11-26T12:00:00Z' },
    });
    const { path } = await writeSealedCertificate('missing-glyphs', input);

    const text = extractText(path);
    expect(text).toContain('Zhang \uFFFD\uFFFD \uFFFD Wei');
    expect(text).toContain('Liaison \uFFFD');
    expect(run('pdfsig', [path]).stdout).toContain('Signature is Valid');
  });
});

function byteRange(pdf: Buffer): [number, number, number, number] {
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1'));
  if (!match) throw new Error('no /ByteRange in the sealed PDF');
  return [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])];
}

describe('the agreement to be listed in the public register', () => {
  it('is printed under the signatory when given, and nothing is printed when not', async () => {
    const signatory = signatories[0]!;
    const agreed = extractText((await writeSealedCertificate('published', certificateFor(signatory, { publishedInRegister: true }))).path);
    // pdftotext reads the label column before the values.
    expect(agreed).toMatch(/Signed at Public register .* Agreed to be listed in the European Ports Alliance’s public register \(organisation, country and category only\) Countersignature/);
    const silent = extractText((await writeSealedCertificate('not-published', certificateFor(signatory))).path);
    expect(silent).not.toContain('Public register');
  });
});
