/**
 * What the address the console was opened at hands back from a sign-in, for the deployment's
 * sign-in mode. Kept apart from the DOM so that the decision can be tested on its own.
 *
 * A token in the fragment (`#token=`) is what the local stack's development sign-in hands back.
 * It is honoured only when the deployment's sign-in is that development one: anywhere else, a link
 * carrying a token would sign an administrator in as whoever made the link (login CSRF). On AWS
 * the only way in is Cognito's authorization code flow with PKCE, whose `state` ties the answer to
 * the sign-in this browser started.
 */
import type { SignInConfig } from '../console-config';

export type SignInResult =
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'code'; readonly code: string; readonly state: string | null }
  | { readonly kind: 'none' };

export interface ConsoleAddress {
  readonly hash: string;
  readonly search: string;
}

export function signInResultOf(mode: SignInConfig, address: ConsoleAddress): SignInResult {
  if (mode.kind === 'development') {
    const token = new URLSearchParams(address.hash.replace(/^#/, '')).get('token');
    return token ? { kind: 'token', token } : { kind: 'none' };
  }
  if (mode.kind === 'cognito') {
    const query = new URLSearchParams(address.search);
    const code = query.get('code');
    return code ? { kind: 'code', code, state: query.get('state') } : { kind: 'none' };
  }
  return { kind: 'none' };
}

/** Whether the address carries a token in its fragment, honoured or not: it is taken off the address either way. */
export function carriesFragmentToken(address: ConsoleAddress): boolean {
  return new URLSearchParams(address.hash.replace(/^#/, '')).has('token');
}
