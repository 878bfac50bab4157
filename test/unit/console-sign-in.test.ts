import { describe, expect, it } from 'vitest';
import type { SignInConfig } from '../../templates/console/console-config';
import { CONSOLE_SCOPES } from '../../functions/catalog';
import { carriesFragmentToken, signInResultOf } from '../../templates/console/browser/sign-in-result';

const cognito: SignInConfig = { kind: 'cognito', domainUrl: 'https://ports-alliance.auth.eu-west-1.amazoncognito.com', clientId: 'client123', scope: CONSOLE_SCOPES.join(' ') };
const development: SignInConfig = { kind: 'development', url: '/local/sign-in' };
const none: SignInConfig = { kind: 'none' };

describe('what the console takes from the address it was opened at', () => {
  it('takes a token from the fragment on the local stack, whose development sign-in hands it over that way', () => {
    expect(signInResultOf(development, { hash: '#token=eyJ.a.b', search: '' })).toEqual({ kind: 'token', token: 'eyJ.a.b' });
  });

  it('ignores a token in the fragment on AWS and where no sign-in is configured: a link cannot sign anyone in as someone else', () => {
    expect(signInResultOf(cognito, { hash: '#token=eyJ.a.b', search: '' })).toEqual({ kind: 'none' });
    expect(signInResultOf(none, { hash: '#token=eyJ.a.b', search: '' })).toEqual({ kind: 'none' });
  });

  it('on AWS takes only the authorization code and its state, even when a fragment token comes with them', () => {
    expect(signInResultOf(cognito, { hash: '#token=eyJ.a.b', search: '?code=c0de&state=s7' })).toEqual({ kind: 'code', code: 'c0de', state: 's7' });
  });

  it('ignores an authorization code on the local stack, which has no code flow', () => {
    expect(signInResultOf(development, { hash: '', search: '?code=c0de&state=s7' })).toEqual({ kind: 'none' });
  });

  it('sees a fragment token in any mode, so that the console takes it off the address even when it ignores it', () => {
    expect(carriesFragmentToken({ hash: '#token=eyJ.a.b', search: '' })).toBe(true);
    expect(carriesFragmentToken({ hash: '#section', search: '' })).toBe(false);
  });
});
