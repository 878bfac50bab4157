import { renderCertificate, type CertificateInput, type PadesLevel, type RenderOptions } from './certificate';
import { sealPdf, type SealDetails, type SealOptions } from './seal';
import { sealSubjectName } from './seal-panel';
import type { SealSigner } from '../seal/signer';

export const COMMISSION_SEAL: SealDetails = {
  name: 'European Commission',
  reason: 'Countersignature of the European Ports Alliance joint declaration',
  location: 'Brussels, Belgium',
  contactInfo: 'European Commission',
};

export interface SealedCertificateOptions extends RenderOptions, SealOptions {
  /** The PAdES level the sealed document will carry, printed in its seal panel. @default B-LTA with a timestamp authority and long-term validation, B-T with a timestamp authority alone, else B-B */
  readonly padesLevel?: PadesLevel;
}

/**
 * Renders the certificate and seals it in the name of the European Commission. Its first page names the
 * seal certificate's subject, the time of sealing (the same instant the signature claims) and the level.
 */
export async function renderSealedCertificate(input: CertificateInput, signer: SealSigner, options: SealedCertificateOptions = {}): Promise<Buffer> {
  const sealedAt = options.sealedAt ?? new Date();
  const sealCertificate = signer.certificateChain[0];
  if (!sealCertificate) throw new Error('the seal signer has no certificate');
  const seal = {
    sealedBy: sealSubjectName(sealCertificate),
    sealedAt: sealedAt.toISOString(),
    level: options.padesLevel ?? (options.timestamp ? (options.longTermValidation ? 'B-LTA' : 'B-T') : 'B-B'),
  } as const;
  const doc = await renderCertificate({ ...input, seal }, options);
  return sealPdf(doc, signer, COMMISSION_SEAL, { ...options, sealedAt });
}
