import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { CampaignClient, waitFor } from '../../tools/campaign/campaign-client';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import type { InvitationInput } from '../../functions/domain/commitment';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/aws-local';
import { WORKFLOW_TIMEOUT_MS } from './workflow-time';
import { localStack } from './local-stack';

export const client = () => new CampaignClient(localStack().urls.app, localStack().urls.mailbox);

let counter = 0;
/** An address no other test uses, on a registered domain. */
export function uniqueAddress(name = 'signer'): string {
  counter += 1;
  return `${name}.${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}@customs.gr.example`;
}

export function invitation(email: string, overrides: Partial<InvitationInput['organisation']> = {}, language = 'el'): InvitationInput {
  return {
    organisation: { name: 'Λιμενικό Σώμα – Ελληνική Ακτοφυλακή', category: 'customs', country: 'GR', email, contactName: 'Αθανάσιος Παπαδόπουλος', emailDomains: ['customs.gr.example'], ...overrides },
    language,
  };
}

/** A fresh declaration and one invited organisation; returns what the tests need. */
export async function invitedCommitment(overrides: Partial<InvitationInput['organisation']> = {}) {
  const campaign = client();
  const admin = await campaign.token('commission-admin');
  const declaration = await campaign.createDeclaration(admin, sampleDeclaration());
  const email = overrides.email ?? uniqueAddress();
  const invited = await campaign.invite(admin, declaration.id, [invitation(email, overrides)]);
  const commitmentId = invited.results[0]!.commitmentId;
  return { campaign, admin, declarationId: declaration.id, commitmentId, email };
}

export async function commitmentState(campaign: CampaignClient, admin: string, commitmentId: string): Promise<string> {
  const { commitment } = await campaign.api<{ commitment: { state: string } }>(admin, 'GET', `/api/commitments/${commitmentId}`);
  return commitment.state;
}

export function waitForState(campaign: CampaignClient, admin: string, commitmentId: string, state: string, timeoutMs = WORKFLOW_TIMEOUT_MS) {
  return waitFor(async () => ((await commitmentState(campaign, admin, commitmentId)) === state ? state : undefined), timeoutMs, `${commitmentId} to be ${state}`);
}

export async function auditEvents(campaign: CampaignClient, admin: string, commitmentId: string): Promise<{ type: string }[]> {
  return (await campaign.api<{ events: { type: string }[] }>(admin, 'GET', `/api/commitments/${commitmentId}`)).events;
}

export function sfn(): SFNClient {
  return new SFNClient({ endpoint: localStack().urls.stepFunctions, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

export async function executionStatus(commitmentId: string): Promise<string | undefined> {
  const arn = `${localStack().aws.stateMachineArn.replace(':stateMachine:', ':execution:')}:${commitmentId}`;
  return (await sfn().send(new DescribeExecutionCommand({ executionArn: arn }))).status;
}

/** Every item of one commitment's partition, straight from DynamoDB Local. */
export async function commitmentItems(commitmentId: string): Promise<Record<string, unknown>[]> {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: localStack().urls.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
  const { Items } = await db.send(new QueryCommand({ TableName: localStack().aws.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `CMT#${commitmentId}` } }));
  return Items ?? [];
}
