import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, Tags } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { readDeploymentConfig, type DeploymentConfig } from './config';
import { REPO_ROOT } from './handler-function';
import { EdgeStack } from './edge';
import { EdgeFirewallStack } from './edge-firewall-stack';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';
import { sealingFunctionIds, sealingRoleName } from './seal-key-access';

export interface CreateAppOptions {
  /**
   * Context values that win over `cdk.json` and the CLI, e.g. short timings for a local demo:
   * `{ reminderIntervalSeconds: 2, reminderCount: 1 }`.
   * @default - none
   */
  readonly context?: Record<string, unknown>;
  /**
   * Synthesize without running esbuild: for tests and for the local runner, which only needs the
   * templates (and runs the handlers from source). Handler files need not exist yet.
   * @default false
   */
  readonly skipBundling?: boolean;
  /**
   * Where the cloud assembly goes.
   * @default - `CDK_OUTDIR` when run by the CLI, otherwise a temporary directory
   */
  readonly outdir?: string;
  /**
   * Prefix of the two stack names (`<prefix>-Stateful`, `<prefix>-Stateless`).
   * @default 'PortsAllianceSigning'
   */
  readonly stackNamePrefix?: string;
  /**
   * Run CDK's built-in CloudFormation template validation at synth (`cdk synth` always does). The
   * local runner turns it off: it reads the definition and the table only, and the validation's
   * WebAssembly engine would add seconds of CPU to every local start.
   * @default true
   */
  readonly validateTemplates?: boolean;
}

export interface CreatedApp {
  readonly app: App;
  readonly config: DeploymentConfig;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  /** The web ACL in us-east-1, when the deployment has an edge (not on the local stack). */
  readonly edgeFirewall?: EdgeFirewallStack;
  /** CloudFront in front of the API, when the deployment has an edge. */
  readonly edge?: EdgeStack;
}

/**
 * Builds the CDK app: the stateful and the stateless stack, environment-agnostic (no account,
 * region or lookups), so that `cdk synth` needs no credentials. Used by `infra/app.ts` and by
 * anything that synthesizes in-process (tests, the local runner).
 *
 * Context: `cdk.json` first, then what the CLI passes (`-c key=value`), then `options.context`.
 * Path metadata is on, so every resource carries its `aws:cdk:path`
 * (`<prefix>-Stateless/Functions/<function id>/Resource` for a catalog function).
 */
export function createApp(options: CreateAppOptions = {}): CreatedApp {
  const prefix = options.stackNamePrefix ?? 'PortsAllianceSigning';
  const app = new App({
    outdir: options.outdir,
    builtinCloudFormationValidation: options.validateTemplates ?? true,
    context: {
      [cxapi.PATH_METADATA_ENABLE_CONTEXT]: true,
      // The stateless stack reads the stateful one's outputs (Fn::GetStackOutput) instead of importing
      // exports, so a change to the stateful stack is never blocked by an export in use.
      [cxapi.DEFAULT_CROSS_STACK_REFERENCES]: 'weak',
      ...readCdkJsonContext(),
    },
    postCliContext: {
      ...(options.skipBundling ? { [cxapi.BUNDLING_STACKS]: [] } : {}),
      ...options.context,
    },
  });
  const config = readDeploymentConfig(app.node);

  const statelessStackName = `${prefix}-Stateless`;
  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    description: 'European Ports Alliance signing: records, user pool, seal key, mail configuration',
    appUrl: config.appUrl,
    sealCertificateSecretName: config.sealCertificateSecretName,
    sesConfigurationSetName: config.sesConfigurationSetName,
    cognitoDomainPrefix: config.cognitoDomainPrefix,
    backupRetentionDays: config.backupRetentionDays,
    backupCopyVaultArn: config.backupCopyVaultArn,
    sealKeyAdministratorArn: config.sealKeyAdministratorArn,
    sealKeyCsrSignerArn: config.sealKeyCsrSignerArn,
    sealingRoleNames: sealingFunctionIds().map((functionId) => sealingRoleName(statelessStackName, functionId)),
    logRetention: config.logRetentionDays,
  });
  // A CloudFront web ACL must be in us-east-1: a stack of its own, whatever region the others deploy to.
  const webAclArnParameterName = `/${prefix}/edge/web-acl-arn`;
  const originVerifySecretName = `${prefix}/edge/origin-verify`;
  const edgeFirewall = config.edge
    ? new EdgeFirewallStack(app, `${prefix}-EdgeFirewall`, {
      description: 'European Ports Alliance signing: AWS WAF web ACL of the CloudFront distribution (us-east-1)',
      webAclArnParameterName,
      alarmEmail: config.alarmEmail,
    })
    : undefined;
  const stateless = new StatelessStack(app, statelessStackName, {
    description: 'European Ports Alliance signing: functions, commitment workflow, HTTP API',
    config,
    table: stateful.table,
    userPool: stateful.userPool,
    userPoolClient: stateful.userPoolClient,
    userPoolDomain: stateful.userPoolDomain,
    sealKey: stateful.sealKey,
    sealCertificateSecret: stateful.sealCertificateSecret,
    signingKeySecret: stateful.signingKeySecret,
    configurationSet: stateful.configurationSet,
    mailEventsTopic: stateful.mailEventsTopic,
    originVerifySecretName: config.edge ? originVerifySecretName : undefined,
  });
  let edge: EdgeStack | undefined;
  if (edgeFirewall) {
    edge = new EdgeStack(app, `${prefix}-Edge`, {
      description: 'European Ports Alliance signing: CloudFront distribution in front of the HTTP API',
      httpApi: stateless.httpApi,
      originVerifySecretName,
      webAclArnParameterName,
      domainName: config.edgeDomainName,
      certificateArn: config.edgeCertificateArn,
    });
    edge.addStackDependency(edgeFirewall, 'the distribution reads the web ACL\'s ARN from its SSM parameter');
    edge.addStackDependency(stateless, 'CloudFront sends the origin-verify secret of the stateless stack');
  }
  Tags.of(app).add('Project', 'european-ports-alliance-signing');

  return { app, config, stateful, stateless, edgeFirewall, edge };
}

function readCdkJsonContext(): Record<string, unknown> {
  const file = path.join(REPO_ROOT, 'cdk.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as { context?: Record<string, unknown> };
  return json.context ?? {};
}
