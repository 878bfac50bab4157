import { SignJWT, generateKeyPair, jwtVerify, type CryptoKey, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import { CONSOLE_SCOPES, routeScopes, type Access, type Group } from '../../functions/catalog';
import { shapeAccessToken } from '../../functions/operations/shape-access-token';

export interface LocalUser {
  readonly group: Group;
  /** The groups claim, when it must differ from `[group]` (e.g. a user in no group at all). */
  readonly groups?: readonly Group[];
  readonly email?: string;
  readonly name?: string;
  readonly sub?: string;
  /**
   * The scopes the client asks for; the user pool's trigger keeps only the API scopes of the user's groups.
   * @default CONSOLE_SCOPES (what the console asks for)
   */
  readonly scopes?: readonly string[];
}

/** Cognito issues both; the API takes access tokens only (an ID token has no scope). */
export type TokenUse = 'access' | 'id';

/**
 * A development stand-in for the Cognito user pool and its app client: it issues access tokens
 * with Cognito's claims (sub, username, client_id, scope, cognito:groups, token_use, no `aud`),
 * shaped by the same code as the user pool's pre-token-generation trigger (API scopes of the user's
 * groups only, name and email added), and ID tokens on request, so that the same authorization code runs.
 */
export class LocalIdentityIssuer {
  static readonly issuer = 'urn:ports-alliance:local-issuer';
  /** The console's app client: the `client_id` of access tokens and the `aud` of ID tokens. */
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
  async issue(user: LocalUser, expiresInSeconds = 3600, tokenUse: TokenUse = 'access'): Promise<string> {
    const email = user.email ?? `${user.group}@local.example`;
    const name = user.name ?? (user.group === 'auditor' ? 'Local Auditor' : 'Local Commission Admin');
    const groups = [...(user.groups ?? [user.group])];
    const sub = user.sub ?? `local-${user.group}`;
    const now = Math.floor(Date.now() / 1000);
    const expiresAt = now + Math.trunc(expiresInSeconds);
    let claims: JWTPayload;
    if (tokenUse === 'access') {
      const requested = [...(user.scopes ?? CONSOLE_SCOPES)];
      const shape = shapeAccessToken({ groups, requestedScopes: requested, userAttributes: { email, name } });
      claims = {
        'cognito:groups': groups,
        version: 2,
        client_id: LocalIdentityIssuer.audience,
        token_use: 'access',
        scope: requested.filter((scope) => !shape.scopesToSuppress.includes(scope)).join(' '),
        auth_time: Math.min(now, expiresAt - 1),
        username: sub,
        ...shape.claimsToAddOrOverride,
      };
    } else {
      claims = { email, name, 'cognito:groups': groups, 'cognito:username': sub, aud: LocalIdentityIssuer.audience, token_use: 'id' };
    }
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'local' })
      .setSubject(sub)
      .setIssuer(LocalIdentityIssuer.issuer)
      .setIssuedAt(Math.min(now, expiresAt - 1))
      .setJti(randomUUID())
      .setExpirationTime(expiresAt)
      .sign(this.privateKey);
  }

  /**
   * What API Gateway's JWT authorizer does with a token: signature, issuer and expiry, then the
   * audience: `aud` when the token has one (an ID token), `client_id` otherwise (an access token).
   */
  async verify(token: string): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.publicKey, { issuer: LocalIdentityIssuer.issuer, algorithms: ['ES256'] });
    const audience = payload.aud !== undefined ? [payload.aud].flat() : [payload.client_id];
    if (!audience.includes(LocalIdentityIssuer.audience)) throw new Error('the token is not for the console\'s client');
    return payload;
  }
}

/** The scopes of a token, from its `scope` (or `scp`) claim. */
export function scopesOf(claims: Readonly<Record<string, unknown>>): string[] {
  const claim = claims.scope ?? claims.scp;
  if (Array.isArray(claim)) return claim.map(String);
  return typeof claim === 'string' ? claim.split(' ').filter(Boolean) : [];
}

/**
 * The route's scope check of API Gateway's JWT authorizer: a token must carry one of the scopes of
 * the route's groups. The refusal (403, `insufficient_scope`) says which; `undefined` lets the request through.
 */
export function scopeRefusal(claims: Readonly<Record<string, unknown>>, access: Access): { readonly required: readonly string[]; readonly challenge: string; readonly message: string } | undefined {
  const required = routeScopes(access);
  if (required.length === 0) return undefined;
  const held = scopesOf(claims);
  if (required.some((scope) => held.includes(scope))) return undefined;
  return {
    required,
    challenge: `Bearer error="insufficient_scope", scope="${required.join(' ')}"`,
    message: `This route needs an access token with one of these scopes: ${required.join(', ')}.`,
  };
}
