import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { CfnElement } from 'aws-cdk-lib';
import { TASK_FUNCTIONS, type TaskFunctionId } from '../../functions/catalog';
import { createApp } from '../create-app';
import { LOCAL_ACCOUNT, LOCAL_REGION } from './aws-local';

export interface SynthesizedForLocal {
  /** The state machine definition exactly as `cdk synth` produces it, with its references resolved locally. */
  readonly definition: Record<string, unknown>;
  readonly stateMachineName: string;
  /** Which catalog function each Task state invokes. */
  readonly taskFunctionByState: Readonly<Record<string, TaskFunctionId>>;
  /** The table as the stateful stack declares it. */
  readonly table: Omit<CreateTableCommandInput, 'TableName'>;
  readonly config: ReturnType<typeof createApp>['config'];
}

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

/**
 * Synthesizes the CDK app in-process (without bundling: the local stack runs the handlers from
 * source) and extracts what the local services need, so they run the very definition and table
 * design that `cdk deploy` would deploy.
 */
export function synthesizeForLocal(context: Record<string, unknown> = {}): SynthesizedForLocal {
  const { app, config, stateful, stateless } = createApp({ skipBundling: true, validateTemplates: false, context });
  const assembly = app.synth();
  const statelessTemplate = assembly.getStackByName(stateless.stackName).template as Template;
  const statefulTemplate = assembly.getStackByName(stateful.stackName).template as Template;

  const functionByLogicalId = new Map<string, TaskFunctionId>();
  for (const id of Object.keys(TASK_FUNCTIONS) as TaskFunctionId[]) {
    const cfnFunction = stateless.functions[id].node.defaultChild as CfnElement;
    functionByLogicalId.set(stateless.getLogicalId(cfnFunction), id);
  }
  const functionArn = (id: TaskFunctionId) => `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${id}`;

  const stateMachineResource = Object.values(statelessTemplate.Resources).find((resource) => resource.Type === 'AWS::StepFunctions::StateMachine');
  if (!stateMachineResource?.Properties) throw new Error('the stateless stack has no state machine');
  const resolve = (value: unknown): string => {
    if (typeof value === 'string') return value;
    const node = value as Record<string, unknown>;
    if ('Fn::Join' in node) {
      const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
      return parts.map(resolve).join(separator);
    }
    if ('Fn::GetAtt' in node) {
      const [logicalId] = node['Fn::GetAtt'] as [string, string];
      const id = functionByLogicalId.get(logicalId);
      if (!id) throw new Error(`the state machine references ${logicalId}, which is not a task function of the catalog`);
      return functionArn(id);
    }
    if ('Ref' in node) {
      const ref = node.Ref as string;
      if (ref === 'AWS::Partition') return 'aws';
      if (ref === 'AWS::Region') return LOCAL_REGION;
      if (ref === 'AWS::AccountId') return LOCAL_ACCOUNT;
      if (ref === 'AWS::URLSuffix') return 'amazonaws.com';
    }
    throw new Error(`cannot resolve ${JSON.stringify(value)} in the state machine definition`);
  };
  const definition = JSON.parse(resolve(stateMachineResource.Properties.DefinitionString)) as Record<string, unknown>;

  const taskFunctionByState: Record<string, TaskFunctionId> = {};
  const states = definition.States as Record<string, { Type: string; Parameters?: { FunctionName?: string } }>;
  for (const [name, state] of Object.entries(states)) {
    if (state.Type !== 'Task') continue;
    const id = state.Parameters?.FunctionName?.split(':function:')[1] as TaskFunctionId | undefined;
    if (!id || !(id in TASK_FUNCTIONS)) throw new Error(`Task state ${name} does not invoke a catalog function`);
    taskFunctionByState[name] = id;
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

  return { definition, stateMachineName: String(stateMachineResource.Properties.StateMachineName ?? 'commitment'), taskFunctionByState, table, config };
}
