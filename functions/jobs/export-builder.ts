import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { ENV } from '../catalog';
import { requiredEnv } from '../shared/config';

let client: LambdaClient | undefined;

/** The endpoint comes from AWS_ENDPOINT_URL_LAMBDA when set (the local stack), as the SDK defines. */
function lambda(): LambdaClient {
  client ??= new LambdaClient({});
  return client;
}

/** The event the export builder is invoked with. */
export interface ExportRequestEvent {
  readonly exportId: string;
}

/**
 * Starts building an export in the background: an asynchronous invocation (Lambda queues the event
 * and answers at once), so the request that asked for it returns within API Gateway's 30 seconds.
 */
export async function startExportBuilder(event: ExportRequestEvent): Promise<void> {
  await lambda().send(new InvokeCommand({
    FunctionName: requiredEnv(ENV.exportBuilderFunctionName),
    InvocationType: 'Event',
    Payload: new TextEncoder().encode(JSON.stringify(event)),
  }));
}
