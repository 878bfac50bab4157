import { Stack, type StackProps } from 'aws-cdk-lib';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { EdgeMonitoring } from './monitoring';

/** CloudFront takes its web ACL (and its certificate) from us-east-1 only. */
export const EDGE_REGION = 'us-east-1';

/** Paths whose requests count against the stricter per-address limit: the signing pages and verification. */
export const STRICT_PATH_PREFIXES = ['/sign', '/verify'] as const;

export interface EdgeFirewallStackProps extends StackProps {
  /** The SSM parameter (in us-east-1) that carries the web ACL's ARN to the stack of the distribution. */
  readonly webAclArnParameterName: string;
  /**
   * Requests per client address in any 5 minutes, all paths together.
   * @default 2000
   */
  readonly requestsPerAddress?: number;
  /**
   * Requests per client address in any 5 minutes to `/sign*`, `/signing*` and `/verify*`: a signatory
   * needs about ten, and the functions' own per-address and per-link limits count the POSTs.
   * @default 300
   */
  readonly strictRequestsPerAddress?: number;
  /**
   * Subscribed to this stack's alarm topic by email.
   * @default - no subscription
   */
  readonly alarmEmail?: string;
}

/**
 * The AWS WAF web ACL of the CloudFront distribution, in us-east-1 whatever the region of the rest:
 * Amazon's IP reputation list, per-address rate limits (stricter on the signing and verification
 * pages), and AWS's common and known-bad-inputs rule groups. Its ARN goes to an SSM parameter that
 * the stateless stack reads across regions; its blocks alarm here, where WAF's metrics are.
 */
export class EdgeFirewallStack extends Stack {
  public readonly webAcl: wafv2.CfnWebACL;
  public readonly webAclArnParameter: ssm.StringParameter;
  public readonly monitoring: EdgeMonitoring;

  constructor(scope: Construct, id: string, props: EdgeFirewallStackProps) {
    super(scope, id, { ...props, env: { ...props.env, region: EDGE_REGION } });
    const webAclName = `${this.stackName}-acl`;

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: webAclName,
      description: 'In front of the CloudFront distribution of the European Ports Alliance signing',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(webAclName),
      rules: [
        managedRuleGroup('AmazonIpReputation', 0, 'AWSManagedRulesAmazonIpReputationList'),
        rateRule('RateSigningAndVerification', 1, props.strictRequestsPerAddress ?? 300, strictPathsStatement()),
        rateRule('RatePerAddress', 2, props.requestsPerAddress ?? 2000),
        // Bodies over 8 KB are normal here (a CSV of invitations, a PDF to verify); the functions
        // bound every body themselves, so that one rule only counts.
        managedRuleGroup('CommonRuleSet', 3, 'AWSManagedRulesCommonRuleSet', ['SizeRestrictions_BODY']),
        managedRuleGroup('KnownBadInputs', 4, 'AWSManagedRulesKnownBadInputsRuleSet'),
      ],
    });

    this.webAclArnParameter = new ssm.StringParameter(this, 'WebAclArn', {
      parameterName: props.webAclArnParameterName,
      stringValue: this.webAcl.attrArn,
      description: 'ARN of the web ACL of the signing distribution (read by the stateless stack)',
    });

    this.monitoring = new EdgeMonitoring(this, 'Monitoring', { webAclName, alarmEmail: props.alarmEmail });
  }
}

function visibility(metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty {
  return { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

function managedRuleGroup(name: string, priority: number, groupName: string, countOnly: readonly string[] = []): wafv2.CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name: groupName,
        ...(countOnly.length > 0 ? { ruleActionOverrides: countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
      },
    },
    visibilityConfig: visibility(name),
  };
}

/** Blocks a client address (the viewer's, as CloudFront sees it) above `limit` requests in 5 minutes. */
function rateRule(name: string, priority: number, limit: number, scopeDownStatement?: wafv2.CfnWebACL.StatementProperty): wafv2.CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    action: { block: {} },
    statement: { rateBasedStatement: { aggregateKeyType: 'IP', limit, evaluationWindowSec: 300, ...(scopeDownStatement ? { scopeDownStatement } : {}) } },
    visibilityConfig: visibility(name),
  };
}

/** The path starts with `/sign` (also `/signing...`) or `/verify`. */
function strictPathsStatement(): wafv2.CfnWebACL.StatementProperty {
  const startsWith = (prefix: string): wafv2.CfnWebACL.StatementProperty => ({
    byteMatchStatement: {
      fieldToMatch: { uriPath: {} },
      positionalConstraint: 'STARTS_WITH',
      searchString: prefix,
      textTransformations: [{ priority: 0, type: 'NONE' }],
    },
  });
  return { orStatement: { statements: STRICT_PATH_PREFIXES.map(startsWith) } };
}
