import { CfnResource, Validations, type Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_FUNCTIONS, ENV, EVENT_FUNCTIONS, GROUPS, ROUTES, TASK_FUNCTIONS, type FunctionId } from '../../functions/catalog';
import { DECLINED_ERROR, EXPIRED_ERROR, REVOKED_ERROR, signatureWindowSeconds, STILL_WAITING, SUPERSEDED, waitAnswer } from '../../functions/workflow/contract';
import { createApp, type CreatedApp } from '../../infra/create-app';
import { VARIANTS } from './variants';

type Json = Record<string, any>;

/** Parse a synthesized `DefinitionString`, replacing each token (Ref, GetAtt) by a placeholder. */
function parseDefinition(definitionString: unknown): Json {
  if (typeof definitionString === 'string') return JSON.parse(definitionString);
  const [separator, parts] = (definitionString as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
  const text = parts.map((part, i) => (typeof part === 'string' ? part : `#{token${i}}`)).join(separator);
  return JSON.parse(text);
}

/** Every state, including those inside Map and Parallel states. */
function allStates(definition: Json): Array<[string, Json]> {
  const states: Array<[string, Json]> = [];
  const visit = (machine: Json | undefined) => {
    for (const [name, state] of Object.entries<Json>(machine?.States ?? {})) {
      states.push([name, state]);
      visit(state.ItemProcessor ?? state.Iterator);
      for (const branch of state.Branches ?? []) visit(branch);
    }
  };
  visit(definition);
  return states;
}

const isLambdaTask = (state: Json) =>
  state.Type === 'Task' && /:states:::lambda:invoke(\.waitForTaskToken)?$/.test(String(state.Resource));
const isCallbackTask = (state: Json) => state.Type === 'Task' && String(state.Resource).endsWith('.waitForTaskToken');

/** The resource whose `aws:cdk:path` ends with `suffix`, as [logicalId, resource]. */
function resourceAtPath(template: Template, suffix: string): [string, Json] {
  const found = Object.entries<Json>(template.toJSON().Resources)
    .filter(([, r]) => String(r.Metadata?.['aws:cdk:path'] ?? '').endsWith(suffix));
  expect(found, `one resource at …${suffix}`).toHaveLength(1);
  return found[0]!;
}

const functionIds = [...Object.keys(API_FUNCTIONS), ...Object.keys(TASK_FUNCTIONS), ...Object.keys(EVENT_FUNCTIONS)] as FunctionId[];

let created: CreatedApp;
let stateful: Template;
let stateless: Template;
let definition: Json;

beforeAll(() => {
  created = createApp({ skipBundling: true });
  stateful = Template.fromStack(created.stateful);
  stateless = Template.fromStack(created.stateless);
  const machines = Object.values<Json>(stateless.findResources('AWS::StepFunctions::StateMachine'));
  expect(machines).toHaveLength(1);
  definition = parseDefinition(machines[0]!.Properties.DefinitionString);
}, 300_000);

const fn = (id: FunctionId) => resourceAtPath(stateless, `/Functions/${id}/Resource`)[1];
const policyOf = (id: FunctionId) => resourceAtPath(stateless, `/Functions/${id}-role/DefaultPolicy/Resource`)[1];
const statementsOf = (id: FunctionId): Json[] => policyOf(id).Properties.PolicyDocument.Statement;
const actionsOf = (id: FunctionId): string[] => statementsOf(id).flatMap((s) => [s.Action].flat());

describe('commitment workflow', () => {
  it('is a Standard state machine with the explicit name its task functions are granted on', () => {
    stateless.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      StateMachineName: `${created.stateless.stackName}-commitment`,
    });
  });

  it('logs every event to CloudWatch without execution data (task tokens) and traces with X-Ray', () => {
    stateless.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: false,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: Match.anyValue() } }],
      },
      TracingConfiguration: { Enabled: true },
    });
  });

  it('uses the JSONPath query language only (the local runtime has no JSONata)', () => {
    expect(definition.QueryLanguage ?? 'JSONPath').toBe('JSONPath');
    for (const [name, state] of allStates(definition)) {
      expect(state.QueryLanguage ?? 'JSONPath', name).toBe('JSONPath');
    }
    expect(JSON.stringify(definition)).not.toContain('JSONata');
  });

  it('gives every callback task a timeout and a States.Timeout path', () => {
    const callbacks = allStates(definition).filter(([, s]) => isCallbackTask(s));
    expect(callbacks.map(([name]) => name).sort()).toEqual(['AwaitCountersignature', 'AwaitReview', 'AwaitSignature']);
    for (const [name, state] of callbacks) {
      expect(state.TimeoutSeconds, name).toBeGreaterThan(0);
      const onTimeout = (state.Catch as Json[] ?? []).find((c) => c.ErrorEquals.includes('States.Timeout'));
      expect(onTimeout?.Next, name).toBeDefined();
      expect(onTimeout?.Next, name).not.toBe(name);
    }
  });

  it('enters four states on the way to a delivered certificate (Standard bills each one)', () => {
    const states = new Map(allStates(definition));
    const happyPath: string[] = [];
    const outcomes: Record<string, string> = {};
    let name: string | undefined = definition.StartAt;
    while (name) {
      happyPath.push(name);
      const state: Json = states.get(name)!;
      if (state.Type === 'Choice') {
        name = (state.Choices as Json[]).find((choice) => choice.StringEquals === outcomes[name!])?.Next ?? state.Default;
      } else {
        name = state.End ? undefined : state.Next;
      }
    }
    expect(happyPath).toEqual(['AwaitSignature', 'AwaitCountersignature', 'Seal', 'Deliver']);
  });

  it('may still invoke verify-signature, which no state of this definition names, for executions started by the earlier one', () => {
    const [logicalId] = resourceAtPath(stateless, '/Functions/verify-signature/Resource');
    expect(JSON.stringify(definition)).not.toContain('verify-signature');
    const [, role] = Object.entries<Json>(stateless.toJSON().Resources).find(([, r]) => r.Type === 'AWS::IAM::Policy' && String(r.Metadata?.['aws:cdk:path']).includes('/StateMachine/Role/'))!;
    const invoked = role.Properties.PolicyDocument.Statement
      .filter((s: Json) => [s.Action].flat().includes('lambda:InvokeFunction'))
      .flatMap((s: Json) => [s.Resource].flat());
    expect(JSON.stringify(invoked)).toContain(logicalId);
  });

  it('ends a wait answered by a decline, revocation or expiry through named errors the callback tasks catch', () => {
    const states = new Map(allStates(definition));
    // A decline first tells the Commission team (NotifyDeclined), then ends.
    const through = (name: string | undefined) => (name?.startsWith('Notify') ? states.get(name)!.Next : name);
    const caught = (stateName: string, error: string) => {
      const catcher = (states.get(stateName)!.Catch as Json[]).find((c) => c.ErrorEquals.includes(error));
      const next = through(catcher?.Next);
      return states.get(next)?.Type === 'Succeed' ? next : undefined;
    };
    expect(caught('AwaitSignature', DECLINED_ERROR)).toBe('Declined');
    for (const wait of ['AwaitSignature', 'AwaitReview', 'AwaitCountersignature']) {
      expect(caught(wait, REVOKED_ERROR), wait).toBe('Revoked');
      expect(caught(wait, EXPIRED_ERROR), wait).toBe('Expired');
    }
    for (const outcome of ['DECLINED', 'REVOKED', 'EXPIRED', 'FLAGGED']) expect(waitAnswer(outcome)).toHaveProperty('error');
    for (const outcome of ['SIGNED', 'APPROVED', 'REJECTED', 'COUNTERSIGNED']) expect(waitAnswer(outcome)).toEqual({ output: { outcome } });
  });

  it('ends a task of a round a later round replaced as an expired wait, and waits again when a settled signature timeout finds the links extended', () => {
    const states = new Map(allStates(definition));
    expect(waitAnswer(SUPERSEDED)).toEqual({ error: EXPIRED_ERROR, cause: expect.any(String) });
    const choices = (states.get('SignatureOutcome')!.Choices as Json[]);
    expect(choices.find((choice) => choice.StringEquals === STILL_WAITING)).toMatchObject({ Variable: '$.signature.outcome', Next: 'AwaitSignature' });
    for (const settled of ['SignatureOutcome', 'ReviewOutcome', 'CountersignOutcome']) expect(states.get(settled)!.Default, settled).toBe('Expired');
  });

  it('tells every wait and every settled timeout the round it belongs to, and keeps the round through the reminders', () => {
    const states = new Map(allStates(definition));
    for (const task of ['AwaitSignature', 'AwaitReview', 'AwaitCountersignature', 'SettleSignatureTimeout', 'SettleReviewTimeout', 'SettleCountersignatureTimeout']) {
      expect((states.get(task)!.Parameters as Json).Payload['round.$'], task).toBe('$.round');
    }
    expect((states.get('CountReminder')!.Parameters as Json)['round.$']).toBe('$.round');
  });

  it('waits for a signature as long as the reminder interval from the configuration', () => {
    const [, awaitSignature] = allStates(definition).find(([name]) => name === 'AwaitSignature')!;
    expect(awaitSignature.TimeoutSeconds).toBe(created.config.reminderIntervalSeconds);
  });

  it('retries transient errors with backoff and full jitter in every Lambda task', () => {
    const tasks = allStates(definition).filter(([, s]) => isLambdaTask(s));
    expect(tasks.length).toBeGreaterThanOrEqual(Object.keys(TASK_FUNCTIONS).length);
    for (const [name, state] of tasks) {
      const transient = (state.Retry as Json[] ?? []).find((r) =>
        r.ErrorEquals.includes('Lambda.ServiceException') && r.ErrorEquals.includes('TransientError'));
      expect(transient, name).toBeDefined();
      expect(transient!.JitterStrategy, name).toBe('FULL');
      expect(transient!.BackoffRate, name).toBeGreaterThan(1);
    }
  });

  it('runs a crashed or timed-out invocation (Lambda.Unknown) of every Lambda task again, with full jitter', () => {
    for (const [name, state] of allStates(definition).filter(([, s]) => isLambdaTask(s))) {
      const crash = (state.Retry as Json[] ?? []).find((r) => r.ErrorEquals.includes('Lambda.Unknown'));
      expect(crash, name).toBeDefined();
      expect(crash!.MaxAttempts, name).toBeGreaterThanOrEqual(1);
      expect(crash!.JitterStrategy, name).toBe('FULL');
    }
  });

  it('catches every other failure of a Lambda task and routes it to another state', () => {
    // RecordFailure is where those failures go; it ends in a Fail state, so its own failure fails the execution.
    const states = new Map(allStates(definition));
    const tasks = [...states].filter(([name, s]) => isLambdaTask(s) && name !== 'RecordFailure');
    for (const [name, state] of tasks) {
      const catchAll = (state.Catch as Json[] ?? []).find((c) => c.ErrorEquals.includes('States.ALL'));
      expect(catchAll?.Next, name).toBeDefined();
      expect(catchAll!.Next, name).not.toBe(name);
      expect(states.has(catchAll!.Next), name).toBe(true);
    }
    // Through NotifyFailure, which tells the Commission team and goes on whatever happens.
    const afterRecord = states.get('RecordFailure')!.Next;
    expect(states.get(afterRecord === 'NotifyFailure' ? states.get(afterRecord)!.Next : afterRecord)?.Type).toBe('Fail');
  });
});

describe('table', () => {
  it('keeps its data: point-in-time recovery, deletion protection, encryption at rest, retained on delete', () => {
    stateful.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
        BillingMode: 'PAY_PER_REQUEST',
      }),
    });
  });

  it('has the PK/SK keys and the GSI1 index with every attribute projected', () => {
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }, { AttributeName: 'SK', KeyType: 'RANGE' }],
      GlobalSecondaryIndexes: [{
        IndexName: 'GSI1',
        KeySchema: [{ AttributeName: 'GSI1PK', KeyType: 'HASH' }, { AttributeName: 'GSI1SK', KeyType: 'RANGE' }],
        Projection: { ProjectionType: 'ALL' },
      }],
    });
  });
});

describe('backups', () => {
  it('backs the table up daily with AWS Backup, each backup kept ten years unless the context says otherwise', () => {
    stateful.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: { BackupPlanRule: [Match.objectLike({ RuleName: 'Daily', ScheduleExpression: 'cron(30 2 * * ? *)', Lifecycle: { DeleteAfterDays: 3650 } })] },
    });
    const [tableId] = Object.keys(stateful.findResources('AWS::DynamoDB::Table'));
    const [bucketId] = Object.keys(stateful.findResources('AWS::S3::Bucket', { Properties: { BucketName: Match.anyValue() } }));
    stateful.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ Resources: [{ 'Fn::GetAtt': [tableId, 'Arn'] }, { 'Fn::GetAtt': [bucketId, 'Arn'] }] }),
    });
    stateful.hasResource('AWS::Backup::BackupVault', { DeletionPolicy: 'Retain' });
    // AWS Backup backs up only versioned buckets, and needs its S3 policy to read them.
    stateful.hasResourceProperties('AWS::S3::Bucket', { BucketName: Match.anyValue(), VersioningConfiguration: { Status: 'Enabled' } });
    stateful.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'backup.amazonaws.com' } })] }),
      ManagedPolicyArns: Match.arrayWith([{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup']] }]),
    });
    const [rule] = (Object.values(stateful.findResources('AWS::Backup::BackupPlan'))[0] as { Properties: { BackupPlan: { BackupPlanRule: { CopyActions?: unknown }[] } } }).Properties.BackupPlan.BackupPlanRule;
    expect(rule!.CopyActions).toBeUndefined();
  });

  it('copies every backup to a vault in another region when one is named, for as long', () => {
    const copyVault = 'arn:aws:backup:eu-central-1:123456789012:backup-vault:ports-alliance-copy';
    const copied = Template.fromStack(createApp({ skipBundling: true, context: { backupCopyVaultArn: copyVault, backupRetentionDays: 4000 } }).stateful);
    copied.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: { BackupPlanRule: [Match.objectLike({ Lifecycle: { DeleteAfterDays: 4000 }, CopyActions: [{ DestinationBackupVaultArn: copyVault, Lifecycle: { DeleteAfterDays: 4000 } }] })] },
    });
  });
});

describe('user pool', () => {
  it('has a group per catalog group', () => {
    for (const group of GROUPS) {
      stateful.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    }
  });

  it('lets only administrators create accounts, and requires a second factor', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      UsernameAttributes: ['email'],
    });
  });

  it('gives the console a public client using the authorization code flow back to <appUrl>/console', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      CallbackURLs: [`${created.config.appUrl}/console`],
    });
  });

  it('lets the console\'s client use the code flow and the refresh alone: no password, SRP or custom sign-in, no implicit grant', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      EnableTokenRevocation: true,
    });
  });
});

describe('seal key and mail', () => {
  it('keeps the seal key in KMS: an RSA 3072 signing key, retained on delete', () => {
    stateful.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ KeySpec: 'RSA_3072', KeyUsage: 'SIGN_VERIFY' }),
    });
  });

  it('lets only the two sealing functions\' roles sign with the seal key, with its one algorithm, and denies every other principal', () => {
    const [key] = Object.values(stateful.findResources('AWS::KMS::Key')) as { Properties: { KeyPolicy: { Statement: Record<string, any>[] } } }[];
    const statements = key!.Properties.KeyPolicy.Statement;
    const roleArn = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, `:role/${name}`]] });
    const sealers = ['PortsAllianceSigning-Stateless-generate-joint-declaration', 'PortsAllianceSigning-Stateless-seal-certificate'].map(roleArn);
    expect(statements.map((statement) => statement.Sid)).toEqual(['KeyAdministration', 'SealBySealingFunctionsOnly', 'NobodyElseSeals']);
    // Administration does not include signing, and no statement hands the key over to IAM policies (kms:*).
    expect(JSON.stringify(statements)).not.toContain('"kms:*"');
    expect(statements[0]!.Action).not.toContain('kms:Sign');
    expect(statements[1]).toMatchObject({
      Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Sign',
      Condition: { StringEquals: { 'aws:PrincipalAccount': { Ref: 'AWS::AccountId' }, 'kms:SigningAlgorithm': 'RSASSA_PKCS1_V1_5_SHA_256' }, ArnEquals: { 'aws:PrincipalArn': sealers } },
    });
    expect(statements[2]).toMatchObject({ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'kms:Sign', Condition: { ArnNotEquals: { 'aws:PrincipalArn': sealers } } });
    // The roles the policy names are the sealing functions' own.
    for (const id of ['seal-certificate', 'generate-joint-declaration'] as const) {
      const [, role] = resourceAtPath(stateless, `/Functions/${id}-role/Resource`);
      expect(role.Properties.RoleName).toBe(`PortsAllianceSigning-Stateless-${id}`);
    }
  });

  it('gives the seal key to a named administrator, and lets a certificate request be signed only while the context names its signer', () => {
    const administrator = 'arn:aws:iam::123456789012:role/SealKeyAdministrator';
    const requester = 'arn:aws:iam::123456789012:role/SealCertificateRequest';
    const configured = Template.fromStack(createApp({ skipBundling: true, context: { sealKeyAdministratorArn: administrator, sealKeyCsrSignerArn: requester } }).stateful);
    const [key] = Object.values(configured.findResources('AWS::KMS::Key')) as { Properties: { KeyPolicy: { Statement: Record<string, any>[] } } }[];
    const bySid = Object.fromEntries(key!.Properties.KeyPolicy.Statement.map((statement) => [statement.Sid, statement]));
    expect(bySid.KeyAdministration!.Principal).toEqual({ AWS: administrator });
    expect(bySid.SealBySealingFunctionsOnly!.Condition.ArnEquals['aws:PrincipalArn']).toContain(requester);
    expect(bySid.NobodyElseSeals!.Condition.ArnNotEquals['aws:PrincipalArn']).toContain(requester);
    expect(bySid.CertificateRequestSignerReadsThePublicKey).toMatchObject({ Principal: { AWS: requester }, Action: ['kms:GetPublicKey', 'kms:DescribeKey'] });
  });

  it('creates the seal certificate secret empty, to be filled with the issued chain, retained on delete', () => {
    stateful.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ SecretString: '{"certificateChainPem":""}' }),
    });
  });

  it('lets only SES, for this configuration set, publish mail events: every other principal is denied', () => {
    const [policy] = Object.values(stateful.findResources('AWS::SNS::TopicPolicy', { Properties: { Topics: [{ Ref: Match.stringLikeRegexp('^MailEventsTopic') }] } }));
    const statements = (policy as { Properties: { PolicyDocument: { Statement: Record<string, unknown>[] } } }).Properties.PolicyDocument.Statement;
    const configurationSetArn = Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([':configuration-set/', { Ref: Match.stringLikeRegexp('^ConfigurationSet') }])] });
    expect(statements).toEqual(expect.arrayContaining([
      expect.objectContaining({ Sid: 'OnlySesPublishes', Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sns:Publish', Condition: { StringNotEquals: { 'aws:PrincipalServiceName': 'ses.amazonaws.com' } } }),
      expect.objectContaining({ Sid: 'OnlyForThisConfigurationSet', Effect: 'Deny', Principal: { Service: 'ses.amazonaws.com' }, Action: 'sns:Publish' }),
      expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'ses.amazonaws.com' }, Action: 'sns:Publish' }),
    ]));
    const scoped = statements.find((statement) => statement.Sid === 'OnlyForThisConfigurationSet') as { Condition: { ArnNotEquals: { 'aws:SourceArn': unknown } } };
    expect(Match.objectLike({ x: configurationSetArn }).test({ x: scoped.Condition.ArnNotEquals['aws:SourceArn'] }).isSuccess).toBe(true);
  });

  it('has an SES configuration set with reputation metrics', () => {
    stateful.hasResourceProperties('AWS::SES::ConfigurationSet', { ReputationOptions: { ReputationMetricsEnabled: true } });
  });
});

describe('functions', () => {
  it('deploys one function per catalog entry, found by its catalog id in aws:cdk:path', () => {
    expect(Object.keys(stateless.findResources('AWS::Lambda::Function'))).toHaveLength(functionIds.length);
    for (const id of functionIds) expect(fn(id).Properties.Description).toBe({ ...API_FUNCTIONS, ...TASK_FUNCTIONS, ...EVENT_FUNCTIONS }[id].description);
  });

  it('maps each synthesized function back to its catalog id', () => {
    const byLogicalId = created.stateless.functionIdsByLogicalId();
    expect(Object.values(byLogicalId).sort()).toEqual([...functionIds].sort());
    for (const [logicalId, functionId] of Object.entries(byLogicalId)) {
      expect(resourceAtPath(stateless, `/Functions/${functionId}/Resource`)[0]).toBe(logicalId);
    }
  });

  it('runs every function on nodejs24.x, arm64, with active tracing and JSON logs', () => {
    for (const resource of Object.values<Json>(stateless.findResources('AWS::Lambda::Function'))) {
      expect(resource.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON' },
      });
    }
  });

  it('keeps each function\'s logs in its own log group for 90 days, and every log group as long as the context says', () => {
    for (const id of functionIds) {
      const [logicalId, logGroup] = resourceAtPath(stateless, `/Functions/${id}-logs/Resource`);
      expect(logGroup.Properties.RetentionInDays).toBe(90);
      expect(fn(id).Properties.LoggingConfig.LogGroup).toEqual({ Ref: logicalId });
    }
    const logGroups = (template: Template) => Object.values(template.findResources('AWS::Logs::LogGroup')).map((group) => (group as { Properties: { RetentionInDays?: number } }).Properties.RetentionInDays);
    expect(new Set(logGroups(stateless))).toEqual(new Set([90]));
    const monthly = Template.fromStack(createApp({ skipBundling: true, context: { logRetentionDays: 30 } }).stateless);
    expect(new Set(logGroups(monthly))).toEqual(new Set([30]));
  });

  it('logs the API\'s requests by route, without the path (signing links carry their secret there) or the client address', () => {
    const [stage] = Object.values(stateless.findResources('AWS::ApiGatewayV2::Stage'));
    const format = (stage as { Properties: { AccessLogSettings: { Format: string } } }).Properties.AccessLogSettings.Format;
    expect(JSON.parse(format)).toMatchObject({ routeKey: '$context.routeKey', status: '$context.status' });
    expect(format).not.toMatch(/sourceIp|\$context\.path|\$context\.http\.path|rawPath|querystring|\$context\.identity/i);
  });

  it('gives seal-certificate 1024 MiB', () => {
    expect(fn('seal-certificate').Properties.MemorySize).toBe(1024);
  });

  it('gives each function exactly the environment it needs', () => {
    const base = ['POWERTOOLS_SERVICE_NAME', ENV.tableName];
    const extra: Partial<Record<FunctionId, string[]>> = {
      'invite-organisations': [ENV.stateMachineArn, ENV.linkValiditySeconds],
      'submit-signature': [ENV.stateMachineArn, ENV.appUrl, ENV.commissionContactAddress, ENV.signingKeySecretId],
      'review-commitment': [ENV.stateMachineArn],
      'countersign-commitments': [ENV.stateMachineArn],
      'revoke-commitment': [ENV.stateMachineArn],
      'await-signature': [ENV.senderAddress, ENV.sesConfigurationSet, ENV.appUrl, ENV.commissionContactAddress, ENV.linkValiditySeconds],
      'deliver-certificate': [ENV.senderAddress, ENV.sesConfigurationSet, ENV.appUrl, ENV.commissionContactAddress, ENV.filesBucketName],
      'signing-page': [ENV.appUrl, ENV.commissionContactAddress, ENV.signingKeySecretId],
      'signing-form': [ENV.appUrl, ENV.commissionContactAddress, ENV.signingKeySecretId],
      'check-signing-code': [ENV.appUrl, ENV.commissionContactAddress, ENV.signingKeySecretId],
      'open-signing-session': [ENV.senderAddress, ENV.sesConfigurationSet, ENV.appUrl, ENV.commissionContactAddress, ENV.signingKeySecretId],
      'send-signing-code': [ENV.senderAddress, ENV.sesConfigurationSet, ENV.appUrl, ENV.commissionContactAddress, ENV.signingKeySecretId],
      'resend-signing-link': [ENV.senderAddress, ENV.sesConfigurationSet, ENV.appUrl, ENV.commissionContactAddress, ENV.linkValiditySeconds],
      'verify-signature': [ENV.senderAddress, ENV.sesConfigurationSet, ENV.appUrl, ENV.commissionContactAddress],
      'await-decision': [ENV.senderAddress, ENV.sesConfigurationSet, ENV.appUrl, ENV.commissionContactAddress],
      'seal-certificate': [ENV.appUrl, ENV.commissionContactAddress, ENV.sealKeyId, ENV.sealCertificateSecretId, ENV.filesBucketName],
      'correct-contact': [ENV.senderAddress, ENV.sesConfigurationSet, ENV.appUrl, ENV.commissionContactAddress, ENV.linkValiditySeconds],
      'generate-joint-declaration': [ENV.appUrl, ENV.commissionContactAddress, ENV.sealKeyId, ENV.sealCertificateSecretId, ENV.filesBucketName],
      'download-joint-declaration': [ENV.filesBucketName],
      'download-document': [ENV.filesBucketName],
      'preview-joint-declaration': [ENV.appUrl, ENV.commissionContactAddress, ENV.filesBucketName],
      'get-document-export': [ENV.filesBucketName],
      'build-document-export': [ENV.filesBucketName],
      'start-document-export': [ENV.exportBuilderFunctionName],
      'get-declaration-status': [ENV.linkValiditySeconds],
      'close-declaration': [ENV.stateMachineArn],
      'send-reminders': [ENV.senderAddress, ENV.sesConfigurationSet, ENV.appUrl, ENV.commissionContactAddress, ENV.linkValiditySeconds],
      'console-page': [ENV.cognitoClientId],
      'public-register': [ENV.appUrl, ENV.commissionContactAddress],
      'notify-team': [ENV.senderAddress, ENV.sesConfigurationSet, ENV.appUrl, ENV.commissionContactAddress],
      'record-mail-event': [ENV.senderAddress, ENV.sesConfigurationSet, ENV.appUrl, ENV.commissionContactAddress],
      'send-daily-digest': [ENV.senderAddress, ENV.sesConfigurationSet, ENV.appUrl, ENV.commissionContactAddress],
      'reinvite-commitment': [ENV.stateMachineArn, ENV.linkValiditySeconds],
      'extend-invitation': [ENV.linkValiditySeconds],
      'move-deadline': [ENV.linkValiditySeconds],
      'verify-document': [ENV.sealCertificateSecretId],
    };
    for (const id of functionIds) {
      const names = Object.keys(fn(id).Properties.Environment.Variables).sort();
      // Behind CloudFront every API function checks the origin-verify secret.
      const edge = id in API_FUNCTIONS ? [ENV.originVerifySecretId] : [];
      // Every API function reads the app's address: its scheme decides HSTS on each answer.
      const http = id in API_FUNCTIONS ? [ENV.appUrl] : [];
      expect(names, id).toEqual([...new Set([...base, ...(extra[id] ?? []), ...edge, ...http])].sort());
    }
  });

  it('runs functions with source maps only when the deployment asks for them (-c sourceMaps=true)', () => {
    expect(fn('get-commitment').Properties.Environment.Variables.NODE_OPTIONS).toBeUndefined();
    const withMaps = Template.fromStack(createApp({ skipBundling: true, context: VARIANTS.sourceMaps }).stateless);
    const environments = Object.values(withMaps.findResources('AWS::Lambda::Function'))
      .map((resource) => (resource as Json).Properties.Environment?.Variables);
    expect(environments.length).toBeGreaterThan(30);
    for (const variables of environments) expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');
  });

  it('declares the signing rate limits, the development sign-in and the log level only when the deployment sets them', () => {
    for (const id of functionIds) expect(fn(id).Properties.LoggingConfig.ApplicationLogLevel, id).toBe('INFO');
    const configured = Template.fromStack(createApp({ skipBundling: true, context: {
      appUrl: 'http://127.0.0.1:3000', developmentSignInUrl: '/local/sign-in', rateLimitPerAddress: 1500, logLevel: 'WARN',
    } }).stateless);
    const configuredFn = (id: FunctionId) => resourceAtPath(configured, `/Functions/${id}/Resource`)[1];
    const countingAttempts = ['open-signing-session', 'check-signing-code', 'send-signing-code', 'submit-signature'];
    for (const id of functionIds) {
      const variables = configuredFn(id).Properties.Environment.Variables;
      expect(variables[ENV.rateLimitPerAddress], id).toBe(countingAttempts.includes(id) ? '1500' : undefined);
      expect(variables[ENV.rateLimitPerLink], id).toBeUndefined();
      expect(variables[ENV.developmentSignInUrl], id).toBe(id === 'console-page' ? '/local/sign-in' : undefined);
      expect(configuredFn(id).Properties.LoggingConfig.ApplicationLogLevel, id).toBe('WARN');
    }
  });

  it('tells await-signature how long a signing link stays valid', () => {
    expect(fn('await-signature').Properties.Environment.Variables[ENV.linkValiditySeconds])
      .toBe(String(signatureWindowSeconds(created.config)));
  });
});

describe('permissions', () => {
  const readOnly: FunctionId[] = ['list-declarations', 'get-declaration-status', 'get-commitment', 'list-documents', 'download-document', 'signing-page', 'signing-form', 'download-joint-declaration', 'verify-document', 'export-commitments', 'export-audit-trail', 'public-register', 'preview-joint-declaration', 'get-document-export'];
  const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];

  it('lets read-only functions read the table and nothing more', () => {
    for (const id of readOnly) {
      expect(actionsOf(id), id).toContain('dynamodb:Query');
      for (const action of writes) expect(actionsOf(id), id).not.toContain(action);
    }
  });

  it('lets the other functions write, except console-page and openapi-document, which have no table access at all', () => {
    const noTable: FunctionId[] = ['console-page', 'openapi-document'];
    for (const id of functionIds.filter((f) => !readOnly.includes(f) && !noTable.includes(f))) {
      expect(actionsOf(id), id).toEqual(expect.arrayContaining(writes));
    }
    for (const id of noTable) expect(actionsOf(id).some((a) => a.startsWith('dynamodb:')), id).toBe(false);
  });

  it('grants no table action the store never calls: no Scan, no batch operation, no DescribeTable', () => {
    for (const id of functionIds) {
      for (const unused of ['dynamodb:Scan', 'dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:DescribeTable', 'dynamodb:*']) {
        expect(actionsOf(id), `${id} ${unused}`).not.toContain(unused);
      }
    }
  });

  it('names the table and its one index, never index/*', () => {
    for (const id of functionIds) {
      expect(JSON.stringify(policyOf(id)), id).not.toContain('/index/*');
    }
  });

  it('lets only invite-organisations and reinvite-commitment (a new round) start executions', () => {
    for (const id of functionIds) {
      expect(actionsOf(id).includes('states:StartExecution'), id).toBe(id === 'invite-organisations' || id === 'reinvite-commitment');
    }
  });

  it('lets the functions that answer a waiting task send task success, failure and heartbeat', () => {
    const answering: FunctionId[] = ['submit-signature', 'review-commitment', 'countersign-commitments', 'revoke-commitment', 'close-declaration', 'await-signature', 'await-decision'];
    for (const id of functionIds) {
      const actions = actionsOf(id);
      for (const action of ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat']) {
        expect(actions.includes(action), `${id} ${action}`).toBe(answering.includes(id));
      }
    }
  });

  it('lets only the functions that send mail send, and only from the sender address', () => {
    for (const id of functionIds) {
      const sending = statementsOf(id).filter((s) => [s.Action].flat().includes('ses:SendRawEmail'));
      const senders: FunctionId[] = ['await-signature', 'deliver-certificate', 'correct-contact', 'send-reminders', 'open-signing-session', 'send-signing-code', 'resend-signing-link', 'verify-signature', 'await-decision', 'notify-team', 'record-mail-event', 'send-daily-digest'];
      if (senders.includes(id)) {
        expect(sending, id).toHaveLength(1);
        expect(sending[0]!.Condition).toEqual({ StringEquals: { 'ses:FromAddress': created.config.senderAddress } });
      } else {
        expect(sending, id).toHaveLength(0);
      }
    }
  });

  it('lets only the two sealing functions sign with the seal key (kms:Sign alone) and read its certificate', () => {
    const sealing = new Set<FunctionId>(['seal-certificate', 'generate-joint-declaration']);
    for (const id of functionIds) {
      const kmsActions = actionsOf(id).filter((action) => action.startsWith('kms:'));
      expect(kmsActions, id).toEqual(sealing.has(id) ? ['kms:Sign'] : []);
      if (sealing.has(id)) expect(actionsOf(id), id).toContain('secretsmanager:GetSecretValue');
    }
  });

  it('lets the public check of documents read the seal certificate secret (what it trusts), and never sign', () => {
    const [secretId] = Object.keys(stateful.findResources('AWS::SecretsManager::Secret', { Properties: { Description: Match.stringLikeRegexp('seal key') } }));
    expect(secretId).toBeDefined();
    const readsTrust = statementsOf('verify-document').some((statement) => [statement.Action].flat().includes('secretsmanager:GetSecretValue') && JSON.stringify(statement.Resource).includes(secretId!));
    expect(readsTrust).toBe(true);
    expect(actionsOf('verify-document').filter((action) => action.startsWith('kms:'))).toEqual([]);
  });

  it('lets only the signing pages read the key of their one-time codes and form tokens', () => {
    const [secretId] = Object.keys(stateful.findResources('AWS::SecretsManager::Secret', { Properties: { GenerateSecretString: { GenerateStringKey: 'key' } } }));
    expect(secretId).toBeDefined();
    const signing = new Set<FunctionId>(['signing-page', 'open-signing-session', 'signing-form', 'check-signing-code', 'send-signing-code', 'submit-signature']);
    for (const id of functionIds) {
      const readsKey = statementsOf(id).some((statement) => [statement.Action].flat().includes('secretsmanager:GetSecretValue') && JSON.stringify(statement.Resource).includes(secretId!));
      expect(readsKey, id).toBe(signing.has(id));
    }
  });
});

describe('HTTP API', () => {
  const routes = () => Object.values<Json>(stateless.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);

  it('has exactly one route per catalog route', () => {
    expect(routes().map((r) => r.RouteKey).sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('puts the Cognito JWT authorizer on every non-public route and on no public one', () => {
    const authorizers = Object.keys(stateless.findResources('AWS::ApiGatewayV2::Authorizer'));
    expect(authorizers).toHaveLength(1);
    for (const route of ROUTES) {
      const properties = routes().find((r) => r.RouteKey === `${route.method} ${route.path}`)!;
      if (route.access === 'public') {
        expect(properties.AuthorizationType ?? 'NONE', properties.RouteKey).toBe('NONE');
        expect(properties.AuthorizerId, properties.RouteKey).toBeUndefined();
      } else {
        expect(properties.AuthorizationType, properties.RouteKey).toBe('JWT');
        expect(properties.AuthorizerId, properties.RouteKey).toEqual({ Ref: authorizers[0] });
      }
    }
  });

  it('sends each route to its catalog function', () => {
    const integrations = stateless.findResources('AWS::ApiGatewayV2::Integration');
    for (const route of ROUTES) {
      const properties = routes().find((r) => r.RouteKey === `${route.method} ${route.path}`)!;
      const integrationId = properties.Target['Fn::Join'][1][1].Ref as string;
      const [functionLogicalId] = resourceAtPath(stateless, `/Functions/${route.functionId}/Resource`);
      expect(integrations[integrationId]!.Properties.IntegrationUri, properties.RouteKey)
        .toEqual({ 'Fn::GetAtt': [functionLogicalId, 'Arn'] });
    }
  });

  it('validates Cognito tokens for the console client', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: {
        Audience: [Match.anyValue()],
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', Match.anyValue()]] },
      },
    });
  });

  it('logs access by route key, never the path or query that carry link secrets', () => {
    const [stage] = Object.values<Json>(stateless.findResources('AWS::ApiGatewayV2::Stage'));
    const format: string = stage!.Properties.AccessLogSettings.Format;
    expect(format).toContain('$context.routeKey');
    for (const leak of ['$context.path', '$context.rawPath', '$context.requestPath', '$context.querystring', '$context.resourcePath']) {
      expect(format).not.toContain(leak);
    }
  });

  it('throttles the default stage', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
  });

  it('outputs what operators and scripts need', () => {
    for (const output of ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'StateMachineArn', 'TableName']) {
      stateless.hasOutput(output, {});
    }
  });

});

describe('the files bucket', () => {
  const bucketOf = () => {
    const buckets = stateful.findResources('AWS::S3::Bucket', { Properties: { BucketName: Match.anyValue() } });
    const entries = Object.entries<Json>(buckets);
    expect(entries).toHaveLength(1);
    return entries[0]!;
  };

  it('is private, encrypted, reachable over TLS only, and logs its server access', () => {
    const [logicalId, bucket] = bucketOf();
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(bucket.Properties.LoggingConfiguration.DestinationBucketName).toBeDefined();
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId },
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('expires exports after three days and previews after one, keeps joint declarations, and drops unfinished uploads', () => {
    const rules = bucketOf()[1].Properties.LifecycleConfiguration.Rules as Json[];
    expect(rules).toEqual(expect.arrayContaining([
      expect.objectContaining({ Prefix: 'exports/', ExpirationInDays: 3, Status: 'Enabled' }),
      expect.objectContaining({ Prefix: 'previews/', ExpirationInDays: 1, Status: 'Enabled' }),
      expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
    ]));
    expect(rules.filter((rule) => rule.ExpirationInDays !== undefined).map((rule) => rule.Prefix).sort()).toEqual(['exports/', 'previews/']);
  });

  it('is read only to sign download URLs and written only by the functions that make files, object by object', () => {
    const s3Actions = (id: FunctionId) => actionsOf(id).filter((action) => action.startsWith('s3:')).sort();
    const expected: Partial<Record<FunctionId, string[]>> = {
      'get-document-export': ['s3:GetObject'],
      'build-document-export': ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject'],
      'seal-certificate': ['s3:AbortMultipartUpload', 's3:PutObject'],
      'deliver-certificate': ['s3:GetObject'],
      'download-document': ['s3:GetObject'],
      'generate-joint-declaration': ['s3:AbortMultipartUpload', 's3:PutObject'],
      'download-joint-declaration': ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject'],
      'preview-joint-declaration': ['s3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject'],
    };
    for (const id of functionIds) expect(s3Actions(id), id).toEqual(expected[id] ?? []);
    for (const statement of statementsOf('build-document-export').filter((s) => [s.Action].flat().some((a: string) => a.startsWith('s3:')))) {
      expect(JSON.stringify(statement.Resource)).toMatch(/ports-alliance-files-.*\/\*/);
    }
  });

  it('lets only start-document-export start the export builder', () => {
    for (const id of functionIds) {
      const invoking = statementsOf(id).filter((s) => [s.Action].flat().includes('lambda:InvokeFunction'));
      expect(invoking.length, id).toBe(id === 'start-document-export' ? 1 : 0);
    }
  });
});

describe('cdk-nag AwsSolutions', () => {
  const violations = (stack: Stack) =>
    new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stack).violations
      .map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);

  it('finds no unacknowledged error or warning in the stateful stack', () => {
    expect(violations(created.stateful)).toEqual([]);
  });

  it('finds no unacknowledged error or warning in the stateless stack', () => {
    expect(violations(created.stateless)).toEqual([]);
  });

  it('acknowledges findings only on single CloudFormation resources, each with a reason', () => {
    const acknowledgements: string[] = [];
    const visit = (construct: IConstruct) => {
      for (const entry of construct.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          expect(CfnResource.isCfnResource(construct), `${id} on ${construct.node.path}`).toBe(true);
          expect(reason.length, `${id} on ${construct.node.path}`).toBeGreaterThan(40);
          acknowledgements.push(`${construct.node.path} ${id}`);
        }
      }
      construct.node.children.forEach(visit);
    };
    visit(created.app);
    expect(acknowledgements.length).toBeGreaterThan(0);
  });
});

// The other infra tests synthesize these configurations without CDK's template validation, whose
// engine takes seconds to load in each test file: it runs here, once, for all of them.
describe('CloudFormation validation', () => {
  it.each(Object.entries(VARIANTS))('passes the templates of the %s configuration (the default one is validated above)', (_name, context) => {
    const variant = createApp({ skipBundling: true, context });
    for (const stack of [variant.stateful, variant.stateless, variant.edgeFirewall!, variant.edge!]) expect(() => Template.fromStack(stack)).not.toThrow();
  });
});
