import { renderCertificate, type CertificateInput, type PadesLevel, type RenderOptions } from './certificate';
import { sealPdf, type SealOptions } from './seal';
import { sealDetails } from './seal-details';
import { sealSubjectName } from './seal-panel';
import type { SealSigner } from '../seal/signer';

export interface SealedCertificateOptions extends RenderOptions, SealOptions {
  /** The PAdES level the sealed document will carry, printed in its seal panel. @default B-LTA with a timestamp authority and long-term validation, B-T with a timestamp authority alone, else B-B */
  readonly padesLevel?: PadesLevel;
}

/**
 * Renders the certificate and seals it in the name of the European Commission, its signature dictionary in the
 * document's language. Its first page names the
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
  return sealPdf(doc, signer, sealDetails('certificate', input.declaration.language, input.verificationUrl), { ...options, sealedAt });
}
