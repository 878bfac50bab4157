import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { FUNCTIONS, TASK_FUNCTIONS, type FunctionId, type TaskFunctionId } from '../../functions/catalog';
import { CONTEXT_KEYS } from '../config';
import { createApp } from '../create-app';
import type { StatefulStack } from '../stateful-stack';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './aws-local';
import type { LocalFunction } from './lambda-runtime';

/** What stands in locally for the stateful stack's resources that functions are told about. */
export interface LocalResources {
  readonly tableName: string;
  readonly sealKeyId: string;
  readonly sealCertificateSecretId: string;
  readonly signingKeySecretId: string;
  /** The console's app client: the audience of the local identity issuer's tokens. */
  readonly consoleClientId: string;
  readonly sesConfigurationSetName: string;
}

export interface SynthesizedForLocal {
  /** The state machine definition exactly as `cdk synth` produces it, with its references resolved locally. */
  readonly definition: Record<string, unknown>;
  readonly stateMachineName: string;
  /** Which catalog function each Task state invokes. */
  readonly taskFunctionByState: Readonly<Record<string, TaskFunctionId>>;
  /** Each catalog function as its `AWS::Lambda::Function` declares it, its environment resolved locally. */
  readonly functions: Readonly<Record<FunctionId, LocalFunction>>;
  /** The table as the stateful stack declares it. */
  readonly table: Omit<CreateTableCommandInput, 'TableName'>;
  readonly config: ReturnType<typeof createApp>['config'];
}

type Template = {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
  Outputs?: Record<string, { Value: unknown }>;
};

interface FunctionProperties {
  readonly Environment?: { readonly Variables?: Record<string, unknown> };
  readonly MemorySize?: number;
  readonly Timeout?: number;
  readonly Runtime?: string;
  readonly LoggingConfig?: { readonly LogFormat?: string; readonly ApplicationLogLevel?: string };
}

/**
 * Synthesizes the CDK app in-process (without bundling: the local stack runs the handlers from
 * source) and extracts what the local services need, so they run the very definition, table design
 * and function settings that `cdk deploy` would deploy. `context` is CDK context: the local app URL,
 * timings, rate limits, log level. References to the stateful stack's resources resolve to
 * `resources`; any other reference a function's environment holds is an error, so a variable
 * cannot be added on AWS without the local stack knowing its value.
 */
export function synthesizeForLocal(context: Record<string, unknown>, resources: LocalResources): SynthesizedForLocal {
  // The local stack has no CloudFront: its functions take requests straight from the local HTTP API.
  const { app, config, stateful, stateless } = createApp({ skipBundling: true, validateTemplates: false, context: { ...context, [CONTEXT_KEYS.edge]: false } });
  const assembly = app.synth();
  const statelessTemplate = assembly.getStackByName(stateless.stackName).template as Template;
  const statefulTemplate = assembly.getStackByName(stateful.stackName).template as Template;

  const functionIdByLogicalId = stateless.functionIdsByLogicalId();
  const functionArn = (id: FunctionId) => `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${id}`;
  const localValueByLogicalId = localStatefulValues(stateful, resources);

  const resolve = (value: unknown, where: string): string => {
    if (typeof value === 'string') return value;
    const node = value as Record<string, unknown>;
    if ('Fn::Join' in node) {
      const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
      return parts.map((part) => resolve(part, where)).join(separator);
    }
    if ('Fn::GetAtt' in node) {
      const [logicalId] = node['Fn::GetAtt'] as [string, string];
      const id = functionIdByLogicalId[logicalId];
      if (id) return functionArn(id);
    }
    if ('Ref' in node) {
      const ref = node.Ref as string;
      if (ref === 'AWS::Partition') return 'aws';
      if (ref === 'AWS::Region') return LOCAL_REGION;
      if (ref === 'AWS::AccountId') return LOCAL_ACCOUNT;
      if (ref === 'AWS::URLSuffix') return 'amazonaws.com';
      // A function's name: locally, its catalog id (what the local Lambda endpoint invokes).
      const id = functionIdByLogicalId[ref];
      if (id) return id;
    }
    // A reference to the stateful stack: its output's value names the resource.
    if ('Fn::GetStackOutput' in node) {
      const { OutputName } = node['Fn::GetStackOutput'] as { OutputName: string };
      const output = statefulTemplate.Outputs?.[OutputName]?.Value as Record<string, unknown> | undefined;
      const logicalId = output && ('Ref' in output ? output.Ref : 'Fn::GetAtt' in output ? (output['Fn::GetAtt'] as [string])[0] : undefined);
      const local = typeof logicalId === 'string' ? localValueByLogicalId.get(logicalId) : undefined;
      if (local !== undefined) return local;
    }
    throw new Error(`cannot resolve ${JSON.stringify(value)} in ${where} locally`);
  };

  const stateMachineResource = Object.values(statelessTemplate.Resources).find((resource) => resource.Type === 'AWS::StepFunctions::StateMachine');
  if (!stateMachineResource?.Properties) throw new Error('the stateless stack has no state machine');
  const definition = JSON.parse(resolve(stateMachineResource.Properties.DefinitionString, 'the state machine definition')) as Record<string, unknown>;

  const taskFunctionByState: Record<string, TaskFunctionId> = {};
  const states = definition.States as Record<string, { Type: string; Parameters?: { FunctionName?: string } }>;
  for (const [name, state] of Object.entries(states)) {
    if (state.Type !== 'Task') continue;
    const id = state.Parameters?.FunctionName?.split(':function:')[1] as TaskFunctionId | undefined;
    if (!id || !(id in TASK_FUNCTIONS)) throw new Error(`Task state ${name} does not invoke a catalog function`);
    taskFunctionByState[name] = id;
  }

  const functions = {} as Record<FunctionId, LocalFunction>;
  for (const [logicalId, functionId] of Object.entries(functionIdByLogicalId)) {
    const properties = statelessTemplate.Resources[logicalId]?.Properties as FunctionProperties | undefined;
    if (!properties) throw new Error(`${functionId} has no AWS::Lambda::Function in the template`);
    const variables = properties.Environment?.Variables ?? {};
    functions[functionId] = {
      entry: FUNCTIONS[functionId].entry,
      declaredEnvironment: Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, resolve(value, `${functionId}'s ${name}`)])),
      memorySize: properties.MemorySize ?? 128,
      timeoutSeconds: properties.Timeout ?? 3,
      runtime: properties.Runtime ?? 'nodejs24.x',
      logFormat: properties.LoggingConfig?.LogFormat ?? 'Text',
      applicationLogLevel: properties.LoggingConfig?.ApplicationLogLevel,
    };
  }

  const tableResource = Object.values(statefulTemplate.Resources).find((resource) => resource.Type === 'AWS::DynamoDB::Table');
  if (!tableResource?.Properties) throw new Error('the stateful stack has no table');
  const tableProperties = tableResource.Properties as Pick<CreateTableCommandInput, 'KeySchema' | 'AttributeDefinitions' | 'GlobalSecondaryIndexes'>;
  const table: Omit<CreateTableCommandInput, 'TableName'> = {
    KeySchema: tableProperties.KeySchema,
    AttributeDefinitions: tableProperties.AttributeDefinitions,
    GlobalSecondaryIndexes: tableProperties.GlobalSecondaryIndexes?.map(({ IndexName, KeySchema, Projection }) => ({ IndexName, KeySchema, Projection })),
    BillingMode: 'PAY_PER_REQUEST',
  };

  return { definition, stateMachineName: String(stateMachineResource.Properties.StateMachineName ?? 'commitment'), taskFunctionByState, functions, table, config };
}

/** The local value of each stateful resource a function may be told about (its name, id or ARN on AWS), by logical id. */
function localStatefulValues(stateful: StatefulStack, resources: LocalResources): Map<string, string> {
  const logicalId = (construct: IConstruct) => stateful.getLogicalId(construct.node.defaultChild as CfnElement);
  return new Map([
    [logicalId(stateful.table), resources.tableName],
    [logicalId(stateful.sealKey), resources.sealKeyId],
    [logicalId(stateful.sealCertificateSecret), resources.sealCertificateSecretId],
    [logicalId(stateful.signingKeySecret), resources.signingKeySecretId],
    [logicalId(stateful.userPoolClient), resources.consoleClientId],
    [logicalId(stateful.configurationSet), resources.sesConfigurationSetName],
  ]);
}
