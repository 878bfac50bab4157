import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { CONSOLE_SCOPES, scopeOfGroup } from '../../functions/catalog';
import { handler } from '../../functions/handlers/identity/shape-access-token';
import { shapeAccessToken } from '../../functions/operations/shape-access-token';
import { LocalIdentityIssuer, scopeRefusal } from '../../infra/local/identity';

const ADMIN_SCOPE = scopeOfGroup('commission-admin');
const AUDITOR_SCOPE = scopeOfGroup('auditor');

describe('the access token the user pool issues (pre-token-generation trigger)', () => {
  it('keeps the API scopes of the user\'s groups and suppresses the others', () => {
    expect(shapeAccessToken({ groups: ['auditor'], requestedScopes: CONSOLE_SCOPES, userAttributes: {} }).scopesToSuppress).toEqual([ADMIN_SCOPE]);
    expect(shapeAccessToken({ groups: ['commission-admin'], requestedScopes: CONSOLE_SCOPES, userAttributes: {} }).scopesToSuppress).toEqual([AUDITOR_SCOPE]);
    expect(shapeAccessToken({ groups: ['commission-admin', 'auditor'], requestedScopes: CONSOLE_SCOPES, userAttributes: {} }).scopesToSuppress).toEqual([]);
  });

  it('gives a user in no group, or in a group of another name, no API scope at all', () => {
    for (const groups of [[], ['commission-admins'], ['Auditor']]) {
      expect(shapeAccessToken({ groups, requestedScopes: CONSOLE_SCOPES, userAttributes: {} }).scopesToSuppress, groups.join()).toEqual([ADMIN_SCOPE, AUDITOR_SCOPE]);
    }
  });

  it('leaves OpenID Connect\'s scopes alone and suppresses only what was asked for', () => {
    expect(shapeAccessToken({ groups: [], requestedScopes: ['openid', 'email', 'profile'], userAttributes: {} }).scopesToSuppress).toEqual([]);
  });

  it('adds the name and email the handlers record, and nothing for an attribute the user lacks', () => {
    expect(shapeAccessToken({ groups: ['auditor'], requestedScopes: [], userAttributes: { email: 'a.b@ec.europa.eu', name: 'Ana Bălan', sub: 'x' } }).claimsToAddOrOverride)
      .toEqual({ email: 'a.b@ec.europa.eu', name: 'Ana Bălan' });
    expect(shapeAccessToken({ groups: ['auditor'], requestedScopes: [], userAttributes: { email: 'a.b@ec.europa.eu' } }).claimsToAddOrOverride).toEqual({ email: 'a.b@ec.europa.eu' });
  });

  it('answers Cognito\'s version 2 event with access-token overrides only', async () => {
    const event = {
      version: '2',
      triggerSource: 'TokenGeneration_HostedAuth',
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_abc',
      userName: 'u-1',
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client123' },
      request: {
        userAttributes: { sub: 'u-1', email: 'admin@ec.europa.eu', name: 'Μαρία Παπαδοπούλου' },
        groupConfiguration: { groupsToOverride: ['commission-admin'], iamRolesToOverride: [], preferredRole: undefined },
        scopes: [...CONSOLE_SCOPES],
      },
      response: { claimsAndScopeOverrideDetails: {} },
    } as unknown as PreTokenGenerationV2TriggerEvent;
    const answer = await handler(event);
    expect(answer.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: { claimsToAddOrOverride: { email: 'admin@ec.europa.eu', name: 'Μαρία Παπαδοπούλου' }, scopesToSuppress: [AUDITOR_SCOPE] },
    });
  });
});

describe('the local stack\'s tokens, as Cognito issues them', () => {
  it('issues access tokens with client_id, scope, username and groups, and no aud', async () => {
    const issuer = await LocalIdentityIssuer.create();
    const claims = decodeJwt(await issuer.issue({ group: 'auditor', name: 'Local Auditor' }));
    expect(claims).toMatchObject({ token_use: 'access', client_id: LocalIdentityIssuer.audience, username: 'local-auditor', 'cognito:groups': ['auditor'], name: 'Local Auditor' });
    expect(claims.aud).toBeUndefined();
    expect(String(claims.scope).split(' ')).toEqual(['openid', 'email', 'profile', AUDITOR_SCOPE]);
  });

  it('issues ID tokens for the console\'s client, with no scope', async () => {
    const issuer = await LocalIdentityIssuer.create();
    const claims = decodeJwt(await issuer.issue({ group: 'commission-admin' }, 3600, 'id'));
    expect(claims).toMatchObject({ token_use: 'id', aud: LocalIdentityIssuer.audience });
    expect(claims.scope).toBeUndefined();
  });

  it('verifies both kinds of token as API Gateway does (the route\'s scope check is what refuses an ID token)', async () => {
    const issuer = await LocalIdentityIssuer.create();
    const access = await issuer.verify(await issuer.issue({ group: 'commission-admin' }));
    const id = await issuer.verify(await issuer.issue({ group: 'commission-admin' }, 3600, 'id'));
    expect(scopeRefusal(access, ['commission-admin'])).toBeUndefined();
    expect(scopeRefusal(id, ['commission-admin'])).toMatchObject({ required: [ADMIN_SCOPE], challenge: `Bearer error="insufficient_scope", scope="${ADMIN_SCOPE}"` });
  });

  it('refuses a token signed by another issuer key', async () => {
    const ours = await LocalIdentityIssuer.create();
    const theirs = await LocalIdentityIssuer.create();
    await expect(ours.verify(await theirs.issue({ group: 'commission-admin' }))).rejects.toThrow();
  });

  it('lets a token through a route when it holds one of the scopes of the route\'s groups', () => {
    expect(scopeRefusal({ scope: `openid ${AUDITOR_SCOPE}` }, ['commission-admin', 'auditor'])).toBeUndefined();
    expect(scopeRefusal({ scope: `openid ${AUDITOR_SCOPE}` }, ['commission-admin'])?.required).toEqual([ADMIN_SCOPE]);
    expect(scopeRefusal({ scope: `${ADMIN_SCOPE}x` }, ['commission-admin'])).toBeDefined();
    expect(scopeRefusal({}, 'public')).toBeUndefined();
  });
});
