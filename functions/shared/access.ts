import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { GROUPS, ROUTES, type Group } from '../catalog';

export interface Caller {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly groups: readonly Group[];
}

type JwtClaims = Record<string, string | number | boolean | string[]>;

function claimsOf(event: APIGatewayProxyEventV2): JwtClaims | undefined {
  const authorizer = (event.requestContext as { authorizer?: { jwt?: { claims?: JwtClaims } } }).authorizer;
  return authorizer?.jwt?.claims;
}

/**
 * API Gateway's JWT authorizer hands array claims over as "[a b]"; tokens may also carry a real
 * array or a JSON string. All three mean the same groups.
 */
export function parseGroups(claim: unknown): Group[] {
  let values: string[] = [];
  if (Array.isArray(claim)) values = claim.map(String);
  else if (typeof claim === 'string') {
    const trimmed = claim.trim();
    if (trimmed.startsWith('[') && trimmed.includes('"')) {
      try {
        values = (JSON.parse(trimmed) as unknown[]).map(String);
      } catch {
        values = [];
      }
    } else values = trimmed.replace(/^\[|\]$/g, '').split(/[\s,]+/);
  }
  return values.filter((value): value is Group => (GROUPS as readonly string[]).includes(value));
}

export type AccessDecision = { allowed: true; caller?: Caller } | { allowed: false; status: 401 | 403; message: string };

/** Checks the caller's groups against the route's entry in the catalog (the one access table). */
export function decideAccess(event: APIGatewayProxyEventV2): AccessDecision {
  const route = ROUTES.find((candidate) => `${candidate.method} ${candidate.path}` === event.routeKey);
  if (!route) return { allowed: false, status: 403, message: 'This route is not open to anyone.' };
  const claims = claimsOf(event);
  const caller: Caller | undefined = claims
    ? {
        userId: String(claims.sub ?? ''),
        name: String(claims.name ?? claims.email ?? claims.sub ?? ''),
        email: String(claims.email ?? ''),
        groups: parseGroups(claims['cognito:groups']),
      }
    : undefined;
  if (route.access === 'public') return { allowed: true, caller };
  if (!caller || !caller.userId) return { allowed: false, status: 401, message: 'Sign in to use this page.' };
  const allowedGroups = route.access;
  if (!caller.groups.some((group) => allowedGroups.includes(group))) {
    return { allowed: false, status: 403, message: `This action needs one of these roles: ${allowedGroups.join(', ')}.` };
  }
  return { allowed: true, caller };
}
