import type { TrustSettings } from '../seal/validation/trust-settings';
import { Findings, type SealCheck } from '../seal/validation/reasons';
import { verifyTimestampToken, type VerifiedTimestamp } from '../seal/validation/timestamp-token';
import { updatesAfterSeal } from './incremental-updates';
import { byteRangeParts, trimPadding, type SignatureDictionary } from './signature-dictionaries';

/** PAdES baseline levels (ETSI EN 319 142-1), lowest first. */
export const PADES_LEVELS = ['B-B', 'B-T', 'B-LT', 'B-LTA'] as const;
export type PadesLevel = (typeof PADES_LEVELS)[number];

/** B-B, then B-T with a verified signature timestamp, B-LT with complete validation data in a DSS, B-LTA with a document timestamp over it. */
export async function reachedLevel(
  pdf: Buffer,
  seal: SignatureDictionary,
  signatures: readonly SignatureDictionary[],
  timestamp: VerifiedTimestamp | undefined,
  longTermData: boolean,
  settings: TrustSettings,
  findings: Findings,
  checks: SealCheck[],
): Promise<PadesLevel> {
  const documentTimestamps = signatures.filter((signature) => signature.signedEnd > seal.signedEnd && (signature.type === 'DocTimeStamp' || signature.subFilter === 'ETSI.RFC3161'));
  let archived = false;
  for (const documentTimestamp of documentTimestamps) {
    const own = new Findings();
    const problems = documentTimestamp.byteRangeProblems;
    let verified: VerifiedTimestamp | undefined;
    if (problems.length === 0) {
      try {
        verified = verifyTimestampToken({
          token: trimPadding(documentTimestamp.contents),
          covered: byteRangeParts(pdf, documentTimestamp),
          coveredDescription: 'the document revision it covers',
          anchors: settings.timestampAnchors ?? [],
          name: 'The document timestamp',
        }, own);
      } catch (error) {
        own.fail('TIMESTAMP_MALFORMED', `The document timestamp cannot be read: ${(error as Error).message}.`);
      }
    }
    const coversDss = verified !== undefined && (await updatesAfterSeal(pdf.subarray(0, documentTimestamp.signedEnd), seal.signedEnd)).dss !== undefined;
    checks.push({ name: 'document timestamp', passed: verified !== undefined, detail: verified ? `${verified.time.toISOString()} attested by ${verified.authority}${coversDss ? ', over the validation data' : ''}` : [...problems, ...own.failures.map((failure) => failure.message)].join(' ') });
    if (!verified) findings.limit('DOCUMENT_TIMESTAMP_INVALID', `A document timestamp does not verify, so it protects nothing: ${[...problems, ...own.failures.map((failure) => failure.message)].join(' ')}`);
    archived ||= coversDss;
  }
  if (!timestamp) return 'B-B';
  if (!longTermData) {
    findings.limit('NO_LONG_TERM_DATA', 'The document does not carry the validation data (certificates and revocation data in a DSS) needed to check the seal once its certificate expires (PAdES B-LT).');
    return 'B-T';
  }
  if (!archived) {
    findings.limit('NO_DOCUMENT_TIMESTAMP', 'No verified document timestamp protects the validation data (PAdES B-LTA).');
    return 'B-LT';
  }
  return 'B-LTA';
}
