import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../infra/create-app';
import { DEFAULT_DIGEST_HOUR_UTC, parseDeploymentConfig } from '../../infra/config';
import { FLAGGED_ERROR } from '../../functions/workflow/contract';

type Json = Record<string, any>;

let stateless: Template;
let definition: Json;

beforeAll(() => {
  stateless = Template.fromStack(createApp({ skipBundling: true, context: { digestHourUtc: 6 } }).stateless);
  const [machine] = Object.values<Json>(stateless.findResources('AWS::StepFunctions::StateMachine'));
  const body = machine!.Properties.DefinitionString;
  const text = typeof body === 'string' ? body : (body['Fn::Join'][1] as unknown[]).map((part, i) => (typeof part === 'string' ? part : `#{token${i}}`)).join('');
  definition = JSON.parse(text);
}, 120_000);

const resourcesOfType = (type: string) => Object.entries<Json>(stateless.toJSON().Resources).filter(([, resource]) => resource.Type === type);
const logicalIdAt = (suffix: string) => Object.entries<Json>(stateless.toJSON().Resources).find(([, r]) => String(r.Metadata?.['aws:cdk:path'] ?? '').endsWith(suffix))![0];

describe('the daily digest schedule', () => {
  it('is one EventBridge Scheduler schedule, daily at the hour of the digestHourUtc context key, targeting send-daily-digest with retries and its dead-letter queue', () => {
    const schedules = resourcesOfType('AWS::Scheduler::Schedule');
    expect(schedules).toHaveLength(1);
    const [, schedule] = schedules[0]!;
    expect(schedule.Properties.ScheduleExpression).toBe('cron(0 6 * * ? *)');
    expect(schedule.Properties.State).not.toBe('DISABLED');
    expect(schedule.Properties.Target.Arn).toEqual({ 'Fn::GetAtt': [logicalIdAt('/Functions/send-daily-digest/Resource'), 'Arn'] });
    expect(schedule.Properties.Target.RetryPolicy).toMatchObject({ MaximumRetryAttempts: 2 });
    expect(schedule.Properties.Target.DeadLetterConfig.Arn).toEqual({ 'Fn::GetAtt': [logicalIdAt('/Functions/send-daily-digest-dlq/Resource'), 'Arn'] });
  });

  it('runs with a role that only this account\'s Scheduler assumes and that may invoke the digest function alone', () => {
    const [, schedule] = resourcesOfType('AWS::Scheduler::Schedule')[0]!;
    const roleId = schedule.Properties.Target.RoleArn['Fn::GetAtt'][0] as string;
    const role = stateless.toJSON().Resources[roleId];
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([expect.objectContaining({
      Principal: { Service: 'scheduler.amazonaws.com' },
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      Action: 'sts:AssumeRole',
    })]);
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const policies = resourcesOfType('AWS::IAM::Policy').filter(([, policy]) => (policy.Properties.Roles as Json[]).some((ref) => ref.Ref === roleId));
    const statements = policies.flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as Json[]);
    const digest = logicalIdAt('/Functions/send-daily-digest/Resource');
    const invoke = statements.filter((statement) => [statement.Action].flat().includes('lambda:InvokeFunction'));
    expect(invoke).toHaveLength(1);
    expect(JSON.stringify(invoke[0]!.Resource)).toContain(digest);
    for (const statement of statements) {
      expect([statement.Action].flat().every((action: string) => action === 'lambda:InvokeFunction' || action === 'sqs:SendMessage'), JSON.stringify(statement)).toBe(true);
      expect(JSON.stringify(statement.Resource)).not.toBe('"*"');
    }
  });

  it('falls at 7:00 UTC unless the deployment says otherwise, and refuses an hour that is not one', () => {
    const base = { senderAddress: 'a@ec.example.eu', commissionContactAddress: 'b@ec.example.eu', appUrl: 'https://signing.example.eu', reminderIntervalSeconds: 60, reminderCount: 1, reviewTimeoutSeconds: 60, countersignTimeoutSeconds: 60 };
    expect(parseDeploymentConfig((key) => (base as Record<string, unknown>)[key]).digestHourUtc).toBe(DEFAULT_DIGEST_HOUR_UTC);
    expect(DEFAULT_DIGEST_HOUR_UTC).toBe(7);
    const withHour = (hour: unknown) => () => parseDeploymentConfig((key) => ({ ...base, digestHourUtc: hour } as Record<string, unknown>)[key]);
    expect(withHour('23')().digestHourUtc).toBe(23);
    expect(withHour(24)).toThrow(/digestHourUtc: 24 must be an hour of the day/);
    expect(withHour(-1)).toThrow(/digestHourUtc/);
  });
});

describe('event notifications in the workflow', () => {
  const states = () => definition.States as Json;
  const notifyStates = () => Object.entries(states()).filter(([, state]) => state.Type === 'Task' && state.Parameters?.Payload?.kind !== undefined);

  it('notify the team after a decline, a flagged signature and a recorded failure, and then go on as before', () => {
    const byKind = Object.fromEntries(notifyStates().map(([name, state]) => [state.Parameters.Payload.kind, { name, next: state.Next }]));
    expect(byKind).toEqual({ declined: { name: 'NotifyDeclined', next: 'Declined' }, review: { name: 'NotifyReview', next: 'AwaitReview' }, failure: { name: 'NotifyFailure', next: 'Failed' } });
    expect(states().AwaitCountersignature.Catch.find((c: Json) => c.ErrorEquals.includes(FLAGGED_ERROR)).Next).toBe('NotifyReview');
    expect(states().CountersignOutcome.Choices.find((choice: Json) => choice.StringEquals === 'FLAGGED').Next).toBe('NotifyReview');
    expect(states().Verify).toBeUndefined();
    expect(states().RecordFailure.Next).toBe('NotifyFailure');
    expect(states().SignatureOutcome.Choices.find((choice: Json) => choice.StringEquals === 'DECLINED').Next).toBe('NotifyDeclined');
    expect(states().AwaitSignature.Catch.find((c: Json) => c.ErrorEquals.includes('CommitmentDeclined')).Next).toBe('NotifyDeclined');
  });

  it('never let a failed notification change the commitment\'s course: every error is caught into the same next state', () => {
    for (const [name, state] of notifyStates()) {
      expect(state.Catch, name).toEqual([{ ErrorEquals: ['States.ALL'], Next: state.Next, ResultPath: null }]);
      expect(state.Retry?.length, name).toBeGreaterThan(0);
    }
  });
});
