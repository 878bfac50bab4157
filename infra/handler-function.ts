import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Annotations, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { FunctionSpec } from '../functions/catalog';
import { BUNDLE_ALIASES, BUNDLE_CHARSET, BUNDLE_MAIN_FIELDS, BUNDLE_TARGET, bundleDefines, catalogFilesCommand, EXTERNAL_MODULES, REQUIRE_BANNER } from './bundle-options';

/** The repository root: catalog entries are relative to it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Powertools service name all our functions log under. */
export const SERVICE_NAME = 'ports-alliance-signing';

export interface HandlerFunctionProps {
  /** The catalog entry: source file, description, memory and timeout. */
  readonly spec: FunctionSpec;
  /**
   * Environment variables, added to `POWERTOOLS_SERVICE_NAME` (and `NODE_OPTIONS` with source maps).
   * @default - none
   */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * @default 256 (MiB), or the catalog's `memorySize`
   */
  readonly memorySize?: number;
  /**
   * Days the function's log is kept (one of CloudWatch Logs' periods).
   * @default RetentionDays.THREE_MONTHS
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
  /**
   * @default SERVICE_NAME
   */
  readonly serviceName?: string;
  /**
   * A fixed name for the execution role, for a policy that must name it before it exists (the seal key's).
   * @default - a name CloudFormation generates
   */
  readonly roleName?: string;
  /**
   * Where asynchronous invocations go after Lambda's last retry (event functions only).
   * @default - none
   */
  readonly deadLetterQueue?: sqs.IQueue;
  /**
   * Source maps beside the bundle and `--enable-source-maps`: readable stack traces, slower cold starts.
   * @default false
   */
  readonly sourceMaps?: boolean;
  /**
   * The application log level Lambda keeps (advanced logging controls); Lambda tells the function in
   * `AWS_LAMBDA_LOG_LEVEL`, which its logger follows.
   * @default 'INFO'
   */
  readonly applicationLogLevel?: keyof typeof lambda.ApplicationLogLevel;
  /**
   * Concurrency reserved for this function, which is also its ceiling.
   * @default - none: the function draws on the account's unreserved concurrency
   */
  readonly reservedConcurrentExecutions?: number;
}

/**
 * A Lambda function following the project's conventions: Node.js 24 on ARM, ESM bundle built
 * locally by esbuild (minified, AWS SDK included), X-Ray tracing, JSON logs in its own log group (kept
 * `logRetentionDays`), and a role of its own that holds only what it is granted (no AWS managed policy).
 *
 * The log group and the role are siblings named `<id>-logs` and `<id>-role`, because they must
 * exist before the function; the function itself keeps the construct id it is given, so a
 * synthesized `AWS::Lambda::Function` maps back to its catalog id through its `aws:cdk:path`.
 */
export class HandlerFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    const logGroup = new logs.LogGroup(scope, `${id}-logs`, {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    const role = new iam.Role(scope, `${id}-role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${id}`,
      roleName: props.roleName,
    });
    // What AWSLambdaBasicExecutionRole would give, narrowed to this function's own log group.
    logGroup.grantWrite(role);

    const entry = path.resolve(REPO_ROOT, props.spec.entry);
    // Synthesizing without bundling (tests, the local runner, `cdk synth --exclusively`) never reads
    // the entry; a handler not written yet must not stop it. With bundling, a missing entry fails.
    const placeholder = !Stack.of(scope).bundlingRequired && !existsSync(entry);

    super(scope, id, {
      description: props.spec.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? props.spec.memorySize ?? 256,
      timeout: Duration.seconds(props.spec.timeoutSeconds ?? 10),
      tracing: lambda.Tracing.ACTIVE,
      deadLetterQueue: props.deadLetterQueue,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel[props.applicationLogLevel ?? 'INFO'],
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName ?? SERVICE_NAME,
        ...(props.sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
        ...props.environment,
      },
      ...(placeholder
        ? {
          code: lambda.Code.fromInline(`export const handler = () => { throw new Error('${props.spec.entry} was not bundled'); };`),
          handler: 'index.handler',
        }
        : {
          entry,
          handler: 'handler',
          projectRoot: REPO_ROOT,
          depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
          bundling: {
            format: OutputFormat.ESM,
            mainFields: BUNDLE_MAIN_FIELDS,
            target: BUNDLE_TARGET,
            minify: true,
            charset: BUNDLE_CHARSET as Charset,
            sourceMap: props.sourceMaps ?? false,
            ...(props.sourceMaps ? { sourceMapMode: SourceMapMode.DEFAULT, sourcesContent: false } : {}),
            externalModules: EXTERNAL_MODULES,
            // This CDK version declares `charset` but does not pass it to esbuild: said again here, so that
            // the deployed bundle keeps non-ASCII text as UTF-8 like the bundles the tests measure.
            esbuildArgs: { ...Object.fromEntries(Object.entries(BUNDLE_ALIASES).map(([from, to]) => [`--alias:${from}`, to])), '--charset': BUNDLE_CHARSET },
            banner: REQUIRE_BANNER,
            // Built only when this synth bundles: CDK reads the props for nothing otherwise.
            define: Stack.of(scope).bundlingRequired ? bundleDefines(entry) : {},
            // The operator catalogs but English, as files beside the bundle (templates/i18n/catalog-files.ts).
            commandHooks: {
              beforeBundling: () => [],
              beforeInstall: () => [],
              afterBundling: (_inputDir: string, outputDir: string) => [catalogFilesCommand(outputDir)],
            },
          },
        }),
    });
    if (placeholder) {
      Annotations.of(this).addWarningV2('epa:handlerEntryMissing',
        `${props.spec.entry} does not exist; synthesized with placeholder code because bundling is skipped`);
    }

    // cdk-nag acknowledgements, each on this function's own resources.
    const policy = role.node.tryFindChild('DefaultPolicy')?.node.defaultChild;
    if (policy) {
      Validations.of(policy).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level '
          + 'permissions, so Lambda grants them on "*".',
      });
    }
  }
}
