/**
 * `npm run seal:csr -- --key-id <SealKeyArn> --common-name "..." [--organization "..."] [--country BE]`
 * prints a PKCS#10 certificate signing request for the KMS seal key, signed by KMS itself (kms:GetPublicKey
 * and kms:Sign with the caller's AWS credentials). KMS has no CSR function of its own; the private key
 * never leaves it. Send the request to the Commission's certification authority.
 */
import { parseArgs } from 'node:util';
import { SignCommand } from '@aws-sdk/client-kms';
import { createPublicKey } from 'node:crypto';
import { kms, kmsPublicKey } from '../functions/seal/kms-signer';
import { SIGNATURE_ALGORITHMS } from '../functions/seal/signer';
import { createCertificateSigningRequest } from '../functions/seal/x509-builder';

const { values } = parseArgs({
  options: {
    'key-id': { type: 'string' },
    'common-name': { type: 'string' },
    organization: { type: 'string', default: 'European Commission' },
    'organizational-unit': { type: 'string' },
    country: { type: 'string', default: 'BE' },
  },
});
const keyId = values['key-id'];
const commonName = values['common-name'];
if (!keyId || !commonName) {
  process.stderr.write('usage: npm run seal:csr -- --key-id <SealKeyArn> --common-name "European Commission Ports Alliance seal" [--organization ...] [--country BE]\n');
  process.exit(2);
}
const publicKey = await kmsPublicKey(keyId);
const type = createPublicKey({ key: publicKey, format: 'der', type: 'spki' }).asymmetricKeyType;
if (type !== 'rsa' && type !== 'ec') throw new Error(`the KMS key is ${type}; the seal needs an RSA or EC signing key`);
const csr = await createCertificateSigningRequest(
  { commonName, organization: values.organization, organizationalUnit: values['organizational-unit'], country: values.country },
  publicKey,
  type,
  async (digest) => {
    const { Signature } = await kms().send(new SignCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: SIGNATURE_ALGORITHMS[type].kms }));
    if (!Signature) throw new Error('KMS returned no signature');
    return Signature;
  },
);
process.stdout.write(csr);
