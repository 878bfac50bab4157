import { renderCertificate, type CertificateInput, type RenderOptions } from './certificate';
import { sealPdf, type SealDetails, type SealOptions } from './seal';
import type { SealSigner } from '../seal/signer';

export const COMMISSION_SEAL: SealDetails = {
  name: 'European Commission',
  reason: 'Countersignature of the European Ports Alliance joint declaration',
  location: 'Brussels, Belgium',
  contactInfo: 'European Commission',
};

/** Renders the certificate and seals it in the name of the European Commission. */
export async function renderSealedCertificate(
  input: CertificateInput,
  signer: SealSigner,
  options: RenderOptions & SealOptions = {},
): Promise<Buffer> {
  const doc = await renderCertificate(input, options);
  return sealPdf(doc, signer, COMMISSION_SEAL, options);
}
