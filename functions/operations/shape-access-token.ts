import { API_RESOURCE_SERVER, GROUPS, scopeOfGroup, type Group } from '../catalog';

export interface TokenRequest {
  /** The user's groups, as the user pool will write them in `cognito:groups`. */
  readonly groups: readonly string[];
  /** The scopes the client asked for and the app client allows. */
  readonly requestedScopes: readonly string[];
  /** The user's attributes (`email`, `name`, ...). */
  readonly userAttributes: Readonly<Record<string, string | undefined>>;
}

export interface AccessTokenShape {
  /** Requested API scopes of groups the user is not in: they stay out of the access token. */
  readonly scopesToSuppress: string[];
  /** Claims the handlers read, which Cognito writes only into the ID token. */
  readonly claimsToAddOrOverride: Record<string, string>;
}

const API_SCOPE_PREFIX = `${API_RESOURCE_SERVER}/`;

/**
 * What the user pool writes into an access token beyond its defaults. The app client may ask for
 * every group's API scope; only the scopes of the user's own groups are kept, so that the scope
 * API Gateway checks and the group the handlers check say the same thing (a user moved out of a
 * group loses its scope at the next refresh). Name and email are added because the handlers record
 * who acted, and an access token carries neither by default.
 */
export function shapeAccessToken(request: TokenRequest): AccessTokenShape {
  const entitled = new Set(GROUPS.filter((group: Group) => request.groups.includes(group)).map(scopeOfGroup));
  const scopesToSuppress = request.requestedScopes.filter((scope) => scope.startsWith(API_SCOPE_PREFIX) && !entitled.has(scope));
  const claimsToAddOrOverride: Record<string, string> = {};
  const { email, name } = request.userAttributes;
  if (email) claimsToAddOrOverride.email = email;
  if (name) claimsToAddOrOverride.name = name;
  return { scopesToSuppress, claimsToAddOrOverride };
}
