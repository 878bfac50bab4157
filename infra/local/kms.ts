import { createPrivateKey, createPublicKey, sign as signMessage, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { signDigestWithKey } from '../../functions/seal/in-memory-signer';
import { LOCAL_ACCOUNT, LOCAL_REGION, closeServer, listenLocally } from './aws-local';

export interface LocalKms {
  readonly url: string;
  /** The ARN of each key, by the id it was registered under. */
  readonly keyArns: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

const SIGNING_ALGORITHMS: Readonly<Record<string, { keyType: string; hash: 'sha256' }>> = {
  RSASSA_PKCS1_V1_5_SHA_256: { keyType: 'rsa', hash: 'sha256' },
  ECDSA_SHA_256: { keyType: 'ec', hash: 'sha256' },
};

/**
 * The two KMS calls sealing needs (AWS JSON 1.1: `TrentService.Sign` and `TrentService.GetPublicKey`),
 * over development keys held in this process, so that the seal function runs the same KMS signer locally
 * as on AWS. Keys are addressed by id, ARN or `alias/<id>`.
 */
export async function startLocalKms(options: { port: number; keys: Readonly<Record<string, string>> }): Promise<LocalKms> {
  const keys = new Map<string, { arn: string; key: KeyObject }>();
  const keyArns: Record<string, string> = {};
  for (const [keyId, pem] of Object.entries(options.keys)) {
    const arn = `arn:aws:kms:${LOCAL_REGION}:${LOCAL_ACCOUNT}:key/${keyId}`;
    const entry = { arn, key: createPrivateKey(pem) };
    for (const name of [keyId, arn, `alias/${keyId}`]) keys.set(name, entry);
    keyArns[keyId] = arn;
  }

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify(payload));
      };
      const fail = (type: string, message: string) => answer(400, { __type: type, message });
      let body: { KeyId?: string; Message?: string; MessageType?: string; SigningAlgorithm?: string };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as typeof body;
      } catch {
        return fail('SerializationException', 'body is not JSON');
      }
      const entry = keys.get(String(body.KeyId ?? ''));
      const target = String(request.headers['x-amz-target'] ?? '');
      if (target !== 'TrentService.Sign' && target !== 'TrentService.GetPublicKey') return fail('UnknownOperationException', `${target} is not available locally`);
      if (!entry) return fail('NotFoundException', `Key '${String(body.KeyId)}' does not exist`);
      const keyType = entry.key.asymmetricKeyType ?? '';
      const algorithms = Object.entries(SIGNING_ALGORITHMS).filter(([, spec]) => spec.keyType === keyType).map(([name]) => name);

      if (target === 'TrentService.GetPublicKey') {
        return answer(200, {
          KeyId: entry.arn,
          PublicKey: createPublicKey(entry.key).export({ type: 'spki', format: 'der' }).toString('base64'),
          KeySpec: keyType === 'rsa' ? `RSA_${entry.key.asymmetricKeyDetails?.modulusLength ?? 0}` : 'ECC_NIST_P256',
          KeyUsage: 'SIGN_VERIFY',
          SigningAlgorithms: algorithms,
        });
      }
      const algorithm = String(body.SigningAlgorithm ?? '');
      if (!algorithms.includes(algorithm)) return fail('InvalidKeyUsageException', `${algorithm} is not valid for this key`);
      const message = Buffer.from(String(body.Message ?? ''), 'base64');
      let signature: Buffer;
      try {
        if (body.MessageType === 'DIGEST') {
          if (message.length !== 32) return fail('ValidationException', 'Digest is invalid length for algorithm');
          signature = signDigestWithKey(entry.key, message);
        } else if (body.MessageType === undefined || body.MessageType === 'RAW') {
          signature = signMessage('sha256', message, { key: entry.key, dsaEncoding: 'der' });
        } else {
          return fail('ValidationException', `MessageType ${body.MessageType} is not valid`);
        }
      } catch (error) {
        return fail('UnsupportedOperationException', (error as Error).message);
      }
      answer(200, { KeyId: entry.arn, Signature: signature.toString('base64'), SigningAlgorithm: algorithm });
    });
  });
  const url = await listenLocally(server, options.port);
  return { url, keyArns, stop: () => closeServer(server) };
}
