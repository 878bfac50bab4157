import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDevelopmentSeal } from '../../functions/seal/in-memory-signer';
import { certificateToPem } from '../../functions/seal/signer';

export interface DevelopmentSealFiles {
  /** PKCS#8 PEM of the key the local KMS signs with. */
  readonly privateKeyPem: string;
  /** The self-signed development certificate (PEM); `npm run verify` trusts it by default. */
  readonly certificatePem: string;
  readonly certificateFile: string;
}

/** Where the development seal lives under a data directory. */
export function developmentSealPaths(dataDir: string) {
  const dir = path.join(dataDir, 'seal');
  return { dir, privateKey: path.join(dir, 'kms-key.pem'), certificate: path.join(dir, 'certificate.pem') };
}

/** The local stand-in for the Commission's KMS key and certificate, created on first start and kept after. */
export async function ensureDevelopmentSeal(dataDir: string): Promise<DevelopmentSealFiles> {
  const paths = developmentSealPaths(dataDir);
  if (!existsSync(paths.privateKey) || !existsSync(paths.certificate)) {
    mkdirSync(paths.dir, { recursive: true });
    const seal = await createDevelopmentSeal();
    writeFileSync(paths.privateKey, seal.privateKeyPem, { mode: 0o600 });
    writeFileSync(paths.certificate, certificateToPem(seal.certificateDer));
  }
  return { privateKeyPem: readFileSync(paths.privateKey, 'utf8'), certificatePem: readFileSync(paths.certificate, 'utf8'), certificateFile: paths.certificate };
}
