import { isBuiltin } from 'node:module';
import path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_TRIGGER, API_RESOURCE_SERVER, GROUP_SCOPES, GROUPS, ROUTES, routeScopes } from '../../functions/catalog';
import { lambdaBuildOptions } from '../../infra/bundle-options';
import { createApp, type CreatedApp } from '../../infra/create-app';
import { REPO_ROOT } from '../../infra/handler-function';

type Json = Record<string, any>;

let created: CreatedApp;
let stateful: Template;
let stateless: Template;

beforeAll(() => {
  created = createApp({ skipBundling: true, validateTemplates: false });
  stateful = Template.fromStack(created.stateful);
  stateless = Template.fromStack(created.stateless);
});

/** The logical id of the one resource of `type` in `template`. */
function onlyLogicalId(template: Template, type: string, properties?: Json): string {
  const ids = Object.keys(template.findResources(type, properties ? { Properties: properties } : undefined));
  expect(ids, type).toHaveLength(1);
  return ids[0]!;
}

describe('the API as a resource server of the user pool', () => {
  it('declares the API with one scope per group: admin and auditor', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: API_RESOURCE_SERVER,
      Scopes: GROUPS.map((group) => Match.objectLike({ ScopeName: GROUP_SCOPES[group] })),
    });
    expect(Object.values(GROUP_SCOPES).sort()).toEqual(['admin', 'auditor']);
  });

  it('lets the console\'s client ask for OpenID Connect\'s scopes and both API scopes, nothing else', () => {
    const [client] = Object.values<Json>(stateful.findResources('AWS::Cognito::UserPoolClient'));
    const scopes = client!.Properties.AllowedOAuthScopes as unknown[];
    const resolved = scopes.map((scope) => (typeof scope === 'string' ? scope : JSON.stringify(scope)));
    expect(resolved.filter((scope) => ['openid', 'email', 'profile'].includes(scope)).sort()).toEqual(['email', 'openid', 'profile']);
    // The API scopes name the resource server by reference, so the client is created after it.
    const apiScopes = resolved.filter((scope) => !['openid', 'email', 'profile'].includes(scope));
    expect(apiScopes).toHaveLength(2);
    const resourceServer = onlyLogicalId(stateful, 'AWS::Cognito::UserPoolResourceServer');
    for (const name of Object.values(GROUP_SCOPES)) {
      expect(apiScopes.some((scope) => scope.includes(resourceServer) && scope.endsWith(`/${name}"]]}`)), name).toBe(true);
    }
  });

  it('runs the access-token trigger before each token, as event version 2 (access-token customisation, on the Plus plan)', () => {
    const trigger = Object.entries<Json>(stateful.findResources('AWS::Lambda::Function'))
      .filter(([, resource]) => resource.Properties.Description === ACCESS_TOKEN_TRIGGER.description);
    expect(trigger).toHaveLength(1);
    const [triggerId] = trigger[0]!;
    stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [triggerId, 'Arn'] }, LambdaVersion: 'V2_0' } },
    });
    // Cognito may invoke it, for this user pool only.
    stateful.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [triggerId, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [onlyLogicalId(stateful, 'AWS::Cognito::UserPool'), 'Arn'] },
    });
  });

  it('bundles the trigger small, with no AWS SDK client and nothing left for the runtime but Node\'s own modules', async () => {
    const result = await build({ ...lambdaBuildOptions(path.join(REPO_ROOT, ACCESS_TOKEN_TRIGGER.entry)), write: false, outfile: 'index.mjs', metafile: true });
    const [output] = Object.values(result.metafile.outputs).filter((candidate) => candidate.entryPoint);
    expect(Object.keys(output!.inputs).filter((input) => input.includes('@aws-sdk/'))).toEqual([]);
    expect(output!.imports.filter((imported) => imported.external && !isBuiltin(imported.path))).toEqual([]);
    // The catalog's one table comes along; no page, schema or store does.
    expect(result.outputFiles[0]!.contents.length).toBeLessThan(20 * 1024);
  });

  it('gives the trigger no access to anything but its own log and tracing', () => {
    const policies = Object.values<Json>(stateful.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes('shapeaccesstokenrole'));
    const actions = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement.flatMap((statement: Json) => [statement.Action].flat()));
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect(action, action).toMatch(/^(logs:|xray:)/);
  });
});

describe('the HTTP API\'s JWT authorizer', () => {
  const routes = () => Object.values<Json>(stateless.findResources('AWS::ApiGatewayV2::Route')).map((resource) => resource.Properties);

  it('asks every protected route for the scopes of its groups, and public routes for none', () => {
    for (const route of ROUTES) {
      const properties = routes().find((candidate) => candidate.RouteKey === `${route.method} ${route.path}`)!;
      if (route.access === 'public') expect(properties.AuthorizationScopes, properties.RouteKey).toBeUndefined();
      else expect(properties.AuthorizationScopes, properties.RouteKey).toEqual(routeScopes(route.access));
    }
  });

  it('asks admin-only routes for the admin scope alone', () => {
    const adminOnly = ROUTES.filter((route) => route.access !== 'public' && !route.access.includes('auditor'));
    expect(adminOnly.length).toBeGreaterThan(10);
    for (const route of adminOnly) {
      const properties = routes().find((candidate) => candidate.RouteKey === `${route.method} ${route.path}`)!;
      expect(properties.AuthorizationScopes, properties.RouteKey).toEqual([`${API_RESOURCE_SERVER}/admin`]);
    }
  });

  it('takes tokens of the console\'s client only: its id is the one audience (checked against an access token\'s client_id)', () => {
    const client = onlyLogicalId(stateful, 'AWS::Cognito::UserPoolClient');
    const [authorizer] = Object.values<Json>(stateless.findResources('AWS::ApiGatewayV2::Authorizer'));
    const audience = authorizer!.Properties.JwtConfiguration.Audience as unknown[];
    expect(audience).toHaveLength(1);
    expect(JSON.stringify(audience[0])).toContain(client);
  });
});
