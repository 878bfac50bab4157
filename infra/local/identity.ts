import { SignJWT, generateKeyPair, jwtVerify, type CryptoKey, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import type { Group } from '../../functions/catalog';

export interface LocalUser {
  readonly group: Group;
  /** The groups claim, when it must differ from `[group]` (e.g. a user in no group at all). */
  readonly groups?: readonly Group[];
  readonly email?: string;
  readonly name?: string;
  readonly sub?: string;
}

/**
 * A development stand-in for the Cognito user pool: it issues ID tokens with Cognito's claims
 * (sub, email, name, cognito:groups, token_use) so that the same authorization code runs.
 */
export class LocalIdentityIssuer {
  static readonly issuer = 'urn:ports-alliance:local-issuer';
  static readonly audience = 'ports-alliance-local-console';

  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
  ) {}

  static async create(): Promise<LocalIdentityIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    return new LocalIdentityIssuer(privateKey, publicKey);
  }

  /** A negative `expiresInSeconds` issues a token that expired that long ago (for tests of refusal). */
  async issue(user: LocalUser, expiresInSeconds = 3600): Promise<string> {
    const email = user.email ?? `${user.group}@local.example`;
    const now = Math.floor(Date.now() / 1000);
    const expiresAt = now + Math.trunc(expiresInSeconds);
    return new SignJWT({
      email,
      name: user.name ?? (user.group === 'auditor' ? 'Local Auditor' : 'Local Commission Admin'),
      'cognito:groups': [...(user.groups ?? [user.group])],
      token_use: 'id',
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'local' })
      .setSubject(user.sub ?? `local-${user.group}`)
      .setIssuer(LocalIdentityIssuer.issuer)
      .setAudience(LocalIdentityIssuer.audience)
      .setIssuedAt(Math.min(now, expiresAt - 1))
      .setJti(randomUUID())
      .setExpirationTime(expiresAt)
      .sign(this.privateKey);
  }

  /** What API Gateway's JWT authorizer does: signature, issuer, audience and expiry, or refuse. */
  async verify(token: string): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.publicKey, {
      issuer: LocalIdentityIssuer.issuer,
      audience: LocalIdentityIssuer.audience,
      algorithms: ['ES256'],
    });
    return payload;
  }
}
