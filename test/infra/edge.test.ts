import type { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_FUNCTIONS, ENV, ROUTES, type FunctionId } from '../../functions/catalog';
import { ORIGIN_VERIFY_HEADER } from '../../functions/shared/edge';
import { SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from '../../functions/shared/http';
import { createApp, type CreatedApp } from '../../infra/create-app';
import { VARIANTS } from './variants';

type Json = Record<string, any>;

const LOCAL = { appUrl: 'http://127.0.0.1:3999', edge: false };

let created: CreatedApp;
let withDomain: CreatedApp;
let firewall: Template;
let edge: Template;
let stateless: Template;

beforeAll(() => {
  created = createApp({ skipBundling: true, validateTemplates: false });
  withDomain = createApp({ skipBundling: true, validateTemplates: false, context: VARIANTS.edgeDomain });
  firewall = Template.fromStack(created.edgeFirewall!);
  edge = Template.fromStack(created.edge!);
  stateless = Template.fromStack(created.stateless);
});

const rules = (): Json[] => (Object.values(firewall.findResources('AWS::WAFv2::WebACL'))[0] as Json).Properties.Rules;
const rule = (name: string): Json => {
  const found = rules().find((r) => r.Name === name);
  expect(found, name).toBeDefined();
  return found!;
};
const distributionConfig = (template: Template): Json =>
  (Object.values(template.findResources('AWS::CloudFront::Distribution'))[0] as Json).Properties.DistributionConfig;

/** The catalog function at `<stack>/Functions/<id>/Resource`. */
function functionResource(template: Template, id: FunctionId): Json {
  return Object.values<Json>(template.findResources('AWS::Lambda::Function'))
    .find((r) => String(r.Metadata?.['aws:cdk:path']).endsWith(`/Functions/${id}/Resource`))!;
}

const PUBLIC_ROUTES = ROUTES.filter((route) => route.access === 'public');
const PRIVATE_ROUTES = ROUTES.filter((route) => route.access !== 'public');
const routeKey = (route: (typeof ROUTES)[number]) => `${route.method} ${route.path}`;
const servesOnly = (access: 'public' | 'private') => (id: string) =>
  ROUTES.filter((route) => route.functionId === id).every((route) => (route.access === 'public') === (access === 'public'));
const PUBLIC_FUNCTIONS = [...new Set(PUBLIC_ROUTES.map((route) => route.functionId))].filter(servesOnly('public'));

describe('the edge firewall stack', () => {
  it('deploys to us-east-1, where CloudFront takes its web ACL from, as a stack of its own', () => {
    expect(created.edgeFirewall!.region).toBe('us-east-1');
    expect(created.edgeFirewall!.stackName).toBe('PortsAllianceSigning-EdgeFirewall');
    const assembly = created.app.synth();
    expect(assembly.getStackByName('PortsAllianceSigning-EdgeFirewall').environment.region).toBe('us-east-1');
  });

  it('has one web ACL, scoped to CloudFront, that allows what no rule blocks', () => {
    firewall.resourceCountIs('AWS::WAFv2::WebACL', 1);
    firewall.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
  });

  it('runs AWS\'s IP reputation, common and known-bad-inputs rule groups', () => {
    const groups = rules().filter((r) => r.Statement.ManagedRuleGroupStatement).map((r) => r.Statement.ManagedRuleGroupStatement);
    expect(groups.map((g: Json) => `${g.VendorName}/${g.Name}`).sort()).toEqual([
      'AWS/AWSManagedRulesAmazonIpReputationList', 'AWS/AWSManagedRulesCommonRuleSet', 'AWS/AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    for (const r of rules().filter((x) => x.Statement.ManagedRuleGroupStatement)) expect(r.OverrideAction, r.Name).toEqual({ None: {} });
  });

  it('only counts the common rule set\'s 8 KB body limit: CSV imports and PDFs to verify are larger, and the functions bound bodies', () => {
    expect(rule('CommonRuleSet').Statement.ManagedRuleGroupStatement.RuleActionOverrides).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
  });

  it('limits requests per client address, more strictly on /sign*, /signing* and /verify*', () => {
    const all = rule('RatePerAddress');
    const strict = rule('RateSigningAndVerification');
    for (const r of [all, strict]) {
      expect(r.Action).toEqual({ Block: {} });
      expect(r.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
    }
    expect(all.Statement.RateBasedStatement.ScopeDownStatement).toBeUndefined();
    expect(strict.Statement.RateBasedStatement.Limit).toBeLessThan(all.Statement.RateBasedStatement.Limit);
    const prefixes = strict.Statement.RateBasedStatement.ScopeDownStatement.OrStatement.Statements.map((s: Json) => {
      expect(s.ByteMatchStatement).toMatchObject({ FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH' });
      return s.ByteMatchStatement.SearchString;
    });
    // `/sign` also covers `/signing`, `/signing/code` and `/signing/code/new`.
    expect(prefixes.sort()).toEqual(['/sign', '/verify']);
    for (const route of PUBLIC_ROUTES.filter((r) => /^\/(sign|verify)/.test(r.path))) {
      expect(prefixes.some((prefix: string) => route.path.startsWith(prefix)), route.path).toBe(true);
    }
  });

  it('checks the IP reputation list and the rate limits before the rule groups that inspect content', () => {
    const priority = (name: string) => rule(name).Priority;
    expect(priority('AmazonIpReputation')).toBeLessThan(priority('CommonRuleSet'));
    expect(priority('RateSigningAndVerification')).toBeLessThan(priority('CommonRuleSet'));
    expect(new Set(rules().map((r) => r.Priority)).size).toBe(rules().length);
  });

  it('publishes the web ACL\'s ARN in an SSM parameter for the distribution\'s stack', () => {
    const [aclId] = Object.keys(firewall.findResources('AWS::WAFv2::WebACL'));
    firewall.hasResourceProperties('AWS::SSM::Parameter', { Name: '/PortsAllianceSigning/edge/web-acl-arn', Value: { 'Fn::GetAtt': [aclId, 'Arn'] } });
  });

  it('alarms on requests blocked at the edge, to a topic of its own region', () => {
    const [topicId] = Object.keys(firewall.findResources('AWS::SNS::Topic'));
    firewall.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/WAFV2',
      MetricName: 'BlockedRequests',
      Dimensions: [{ Name: 'Rule', Value: 'ALL' }, { Name: 'WebACL', Value: 'PortsAllianceSigning-EdgeFirewall-acl' }],
      Statistic: 'Sum',
      AlarmActions: [{ Ref: topicId }],
      OKActions: [{ Ref: topicId }],
    });
    firewall.hasResourceProperties('AWS::WAFv2::WebACL', { Name: 'PortsAllianceSigning-EdgeFirewall-acl' });
  });

  it('emails the alarm to the alarmEmail address', () => {
    const withEmail = Template.fromStack(createApp({ skipBundling: true, validateTemplates: false, context: VARIANTS.alarmEmail }).edgeFirewall!);
    withEmail.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: VARIANTS.alarmEmail.alarmEmail });
  });
});

describe('the CloudFront distribution', () => {
  it('is deployed after the web ACL and the API, whose secret it sends', () => {
    const dependencies = created.edge!.dependencies.map((stack) => stack.stackName).sort();
    expect(dependencies).toEqual(['PortsAllianceSigning-EdgeFirewall', 'PortsAllianceSigning-Stateless']);
  });

  it('takes the web ACL from the SSM parameter in us-east-1', () => {
    const [readerId, reader] = Object.entries<Json>(edge.findResources('Custom::AWS'))[0]!;
    const create = JSON.parse(JSON.stringify(reader.Properties.Create));
    expect(create).toMatch(/"region":"us-east-1"/);
    expect(create).toMatch(/"Name":"\/PortsAllianceSigning\/edge\/web-acl-arn"/);
    expect(distributionConfig(edge).WebACLId).toEqual({ 'Fn::GetAtt': [readerId, 'Parameter.Value'] });
  });

  it('forwards everything to the HTTP API over HTTPS (TLS 1.2), with the origin-verify secret by name', () => {
    const [origin] = distributionConfig(edge).Origins;
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(JSON.stringify(origin.DomainName)).toMatch(/execute-api/);
    expect(origin.OriginCustomHeaders).toEqual([{
      HeaderName: ORIGIN_VERIFY_HEADER,
      HeaderValue: '{{resolve:secretsmanager:PortsAllianceSigning/edge/origin-verify:SecretString:::}}',
    }]);
  });

  it('caches nothing and forwards every viewer header but Host, with CloudFront\'s (the viewer\'s address)', () => {
    const behavior = distributionConfig(edge).DefaultCacheBehavior;
    expect(behavior.CachePolicyId).toBe(cloudfront.CachePolicy.CACHING_DISABLED.cachePolicyId);
    expect(behavior.OriginRequestPolicyId).toBe(cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId);
    expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(behavior.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'HEAD', 'POST', 'PUT']));
  });

  it('adds the functions\' security headers to every answer that lacks them (API Gateway\'s own 401, 403 and 429), overriding none', () => {
    const behavior = distributionConfig(edge).DefaultCacheBehavior;
    const [policyId, policy] = Object.entries<Json>(edge.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0]!;
    expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    const config = policy.Properties.ResponseHeadersPolicyConfig;
    const security = config.SecurityHeadersConfig;
    expect(security.StrictTransportSecurity).toEqual({ AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: false });
    expect(`max-age=${security.StrictTransportSecurity.AccessControlMaxAgeSec}; includeSubDomains`).toBe(STRICT_TRANSPORT_SECURITY);
    expect(security.ContentTypeOptions).toEqual({ Override: false });
    expect(security.FrameOptions).toEqual({ FrameOption: 'DENY', Override: false });
    expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: false });
    // A function's page keeps its own policy (its script and style hashes); API Gateway's JSON gets that of JSON answers.
    expect(security.ContentSecurityPolicy).toEqual({ ContentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'", Override: false });
    const custom: Record<string, Json> = Object.fromEntries((config.CustomHeadersConfig.Items as Json[]).map((item) => [item.Header, item]));
    for (const name of ['permissions-policy', 'cross-origin-opener-policy', 'cross-origin-resource-policy']) {
      expect(custom[name], name).toEqual({ Header: name, Value: SECURITY_HEADERS[name], Override: false });
    }
    expect(Object.values(custom).every((item) => item.Override === false)).toBe(true);
  });

  it('serves its own *.cloudfront.net name without a domain in context', () => {
    expect(distributionConfig(edge).Aliases).toBeUndefined();
  });

  it('serves a custom domain from context with its certificate, to TLS 1.2 viewers only', () => {
    const config = distributionConfig(Template.fromStack(withDomain.edge!));
    expect(config.Aliases).toEqual([VARIANTS.edgeDomain.edgeDomainName]);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: VARIANTS.edgeDomain.edgeCertificateArn,
      MinimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      SslSupportMethod: 'sni-only',
    });
  });
});

describe('the API behind the edge', () => {
  it('generates the origin-verify secret under the name CloudFront refers to', () => {
    stateless.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'PortsAllianceSigning/edge/origin-verify',
      GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true }),
    });
  });

  it('tells every API function where the secret is and lets it read that secret', () => {
    const [secretId] = Object.keys(stateless.findResources('AWS::SecretsManager::Secret', { Properties: { Name: 'PortsAllianceSigning/edge/origin-verify' } }));
    for (const id of Object.keys(API_FUNCTIONS) as FunctionId[]) {
      expect(functionResource(stateless, id).Properties.Environment.Variables[ENV.originVerifySecretId], id).toEqual({ Ref: secretId });
    }
    const readers = Object.values<Json>(stateless.findResources('AWS::IAM::Policy'))
      .filter((policy) => policy.Properties.PolicyDocument.Statement.some((s: Json) => JSON.stringify(s.Resource) === JSON.stringify({ Ref: secretId })));
    expect(readers).toHaveLength(Object.keys(API_FUNCTIONS).length);
  });
});

describe('per-route limits', () => {
  const stage = () => (Object.values(stateless.findResources('AWS::ApiGatewayV2::Stage'))[0] as Json);

  it('throttles each public route below the stage default that the admin and auditor routes keep', () => {
    const { DefaultRouteSettings: defaults, RouteSettings: routes } = stage().Properties;
    expect(Object.keys(routes).sort()).toEqual(PUBLIC_ROUTES.map(routeKey).sort());
    for (const route of PRIVATE_ROUTES) expect(routes[routeKey(route)], routeKey(route)).toBeUndefined();
    for (const [key, settings] of Object.entries<Json>(routes)) {
      expect(settings.ThrottlingRateLimit, key).toBeLessThan(defaults.ThrottlingRateLimit);
      expect(settings.ThrottlingBurstLimit, key).toBeLessThan(defaults.ThrottlingBurstLimit);
    }
  });

  it('creates the stage after the routes its settings name', () => {
    const routeIds = Object.entries<Json>(stateless.findResources('AWS::ApiGatewayV2::Route'))
      .filter(([, route]) => PUBLIC_ROUTES.some((r) => routeKey(r) === route.Properties.RouteKey)).map(([id]) => id);
    expect(routeIds).toHaveLength(PUBLIC_ROUTES.length);
    expect(stage().DependsOn).toEqual(expect.arrayContaining(routeIds));
  });

  it('reserves (and caps) concurrency of the functions that serve only public routes, 10 by default', () => {
    expect(PUBLIC_FUNCTIONS).toEqual(expect.arrayContaining(['signing-page', 'submit-signature', 'verify-document', 'console-page']));
    for (const id of PUBLIC_FUNCTIONS) expect(functionResource(stateless, id as FunctionId).Properties.ReservedConcurrentExecutions, id).toBe(10);
    const others = Object.values<Json>(stateless.findResources('AWS::Lambda::Function'))
      .filter((r) => !PUBLIC_FUNCTIONS.some((id) => String(r.Metadata['aws:cdk:path']).endsWith(`/Functions/${id}/Resource`)));
    for (const r of others) expect(r.Properties.ReservedConcurrentExecutions, r.Metadata['aws:cdk:path']).toBeUndefined();
  });

  it('reserves the concurrency set in context, and none with 0 (accounts with a small quota)', () => {
    const set = Template.fromStack(createApp({ skipBundling: true, validateTemplates: false, context: { publicFunctionConcurrency: 4 } }).stateless);
    expect(functionResource(set, 'submit-signature').Properties.ReservedConcurrentExecutions).toBe(4);
    const none = Template.fromStack(createApp({ skipBundling: true, validateTemplates: false, context: { publicFunctionConcurrency: 0 } }).stateless);
    expect(Object.values<Json>(none.findResources('AWS::Lambda::Function')).filter((r) => r.Properties.ReservedConcurrentExecutions !== undefined)).toEqual([]);
  });
});

describe('the local stack, which has no edge', () => {
  it('synthesizes without the edge stacks, the secret or the check', () => {
    const local = createApp({ skipBundling: true, validateTemplates: false, context: LOCAL });
    expect(local.edge).toBeUndefined();
    expect(local.edgeFirewall).toBeUndefined();
    expect(local.app.synth().stacks.map((stack) => stack.stackName).sort()).toEqual(['PortsAllianceSigning-Stateful', 'PortsAllianceSigning-Stateless']);
    const template = Template.fromStack(local.stateless);
    template.resourcePropertiesCountIs('AWS::SecretsManager::Secret', { Name: 'PortsAllianceSigning/edge/origin-verify' }, 0);
    expect(functionResource(template, 'submit-signature').Properties.Environment.Variables[ENV.originVerifySecretId]).toBeUndefined();
  });
});

describe('cdk-nag AwsSolutions on the edge', () => {
  const violations = (stack: Stack) =>
    new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stack).violations
      .map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);

  it('finds nothing unacknowledged in the firewall and edge stacks, with and without a custom domain', () => {
    for (const app of [created, withDomain]) {
      expect(violations(app.edgeFirewall!)).toEqual([]);
      expect(violations(app.edge!)).toEqual([]);
    }
  });

  it('needs no TLS acknowledgement once a custom domain enforces TLS 1.2', () => {
    const distribution = withDomain.edge!.distribution.node.defaultChild!;
    const acknowledged = distribution.node.metadata.flatMap((entry) => Object.keys((entry.data ?? {}) as object));
    expect(acknowledged).not.toContain('AwsSolutions-CFR4');
  });
});
