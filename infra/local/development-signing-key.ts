import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The local stand-in for the signing pages' HMAC key (on AWS, a secret CloudFormation generates):
 * created on first start under the data directory, as the secret's JSON `{"key": "..."}`.
 */
export function ensureDevelopmentSigningKey(dataDir: string): string {
  const file = path.join(dataDir, 'signing-key.json');
  if (!existsSync(file)) writeFileSync(file, JSON.stringify({ key: randomBytes(48).toString('base64url') }), { mode: 0o600 });
  return readFileSync(file, 'utf8');
}
