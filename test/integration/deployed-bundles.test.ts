import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_FUNCTIONS, type ApiFunctionId } from '../../functions/catalog';
import { isEmailFor } from '../../tools/campaign/campaign-client';
import { matchRoute, toEvent } from '../../infra/local/http-api';
import { catalogFilesBuildOptions, lambdaBuildOptions } from '../../infra/bundle-options';
import { localStack } from '../support/local-stack';
import { messagesFor } from '../../templates/i18n';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { invitedOperator } from '../support/signing';

/** The repository (not read from infra/handler-function.ts, which would load the CDK into this test). */
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * The local stack runs the handlers' TypeScript in its own process; Lambda runs the esbuild bundles.
 * These tests run the bundles as deployed (the AWS SDK inside, credentials from the environment
 * only) in a fresh Node process against the local stack's services, so that a bundling mistake
 * shows here rather than on AWS.
 */
let bundleDir: string;

beforeAll(() => {
  bundleDir = mkdtempSync(path.join(tmpdir(), 'ports-alliance-bundles-'));
});

afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

const bundles = new Map<ApiFunctionId, Promise<string>>();

/** Each function is built once, with the deployment's esbuild options. */
function bundle(functionId: ApiFunctionId): Promise<string> {
  if (!bundles.has(functionId)) {
    const outfile = path.join(bundleDir, functionId, 'index.mjs');
    // With the catalogs beside it, as CDK's bundling leaves them (infra/handler-function.ts).
    const built = Promise.all([build({ ...lambdaBuildOptions(path.join(REPO_ROOT, API_FUNCTIONS[functionId].entry)), outfile }), build(catalogFilesBuildOptions(path.dirname(outfile)))]);
    bundles.set(functionId, built.then(() => outfile));
  }
  return bundles.get(functionId)!;
}

interface ApiAnswer {
  readonly statusCode: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Invokes a bundle's handler once in a new Node process whose environment holds what Lambda's would, and nothing else. */
async function invoke(functionId: ApiFunctionId, request: { method: 'GET' | 'POST'; path: string; body?: unknown; groups?: string[] }): Promise<ApiAnswer> {
  const url = new URL(request.path, 'https://bundles.test');
  const matched = matchRoute(request.method, url.pathname);
  expect(matched?.route.spec.functionId).toBe(functionId);
  const body = Buffer.from(request.body === undefined ? '' : JSON.stringify(request.body));
  const headers = { accept: 'application/json', 'content-type': 'application/json', host: 'bundles.test', 'user-agent': 'deployed-bundles test' };
  const claims = request.groups ? { sub: 'bundle-admin', email: 'admin@ec.example.eu', name: 'Bundle Admin', 'cognito:groups': request.groups } : undefined;
  const event = toEvent({ headers, sourceIp: '127.0.0.1' }, url, request.method, matched!, body, claims);
  const runner = path.join(bundleDir, `run-${functionId}.mjs`);
  writeFileSync(runner, [
    `const { handler } = await import(${JSON.stringify(await bundle(functionId))});`,
    'const context = { functionName: process.env.AWS_LAMBDA_FUNCTION_NAME, awsRequestId: "test", getRemainingTimeInMillis: () => 10_000 };',
    'process.stdout.write("\\n" + JSON.stringify(await handler(JSON.parse(process.argv[2]), context)));',
  ].join('\n'));
  const functionEnvironment = localStack().functionEnvironments[functionId];
  expect(functionEnvironment?.AWS_LAMBDA_FUNCTION_NAME).toBe(functionId);
  const result = spawnSync(process.execPath, [runner, JSON.stringify(event)], {
    encoding: 'utf8',
    // Exactly the function's environment on the local stack: what its resource declares, what Lambda provides,
    // the endpoints. No HOME, no AWS_PROFILE, no shared config: the role's credentials come from the environment.
    env: { PATH: process.env.PATH, NODE_NO_WARNINGS: '1', ...functionEnvironment },
    timeout: 180_000,
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as ApiAnswer;
}

describe('the deployed bundles, run as Lambda runs them', () => {
  it('answer a public check through the bundled DynamoDB client as the local API does', async () => {
    const check = { sha256: 'a'.repeat(64) };
    const answer = await invoke('verify-document', { method: 'POST', path: '/api/verify', body: check });
    expect(answer.statusCode).toBe(200);
    const local = await fetch(`${localStack().urls.app}/api/verify`, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(check) });
    expect(JSON.parse(answer.body)).toEqual(await local.json());
  });

  it('serve a console page with the browser scripts written into the bundle, as the local API serves it', async () => {
    const answer = await invoke('console-page', { method: 'GET', path: '/console/audit' });
    expect(answer.statusCode).toBe(200);
    const local = await fetch(`${localStack().urls.app}/console/audit`);
    expect(answer.body).toBe(await local.text());
    expect(answer.headers?.['content-security-policy']).toBe(local.headers.get('content-security-policy'));
  });

  it('email a new signing link through the bundled SES client, with the credentials of the environment, in Greek from the catalog file beside the bundle', async () => {
    const { campaign, commitmentId, email } = await invitedOperator();
    const answer = await invoke('resend-signing-link', { method: 'POST', path: `/api/commitments/${commitmentId}/resend`, body: { seenResends: 0 }, groups: ['commission-admin'] });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ resend: 1 });
    const [newLink] = await campaign.waitForEmails(email, isEmailFor('new-link'));
    expect(newLink!.subject).toBe(messagesFor('el').email.newLinkSubject(sampleDeclaration().texts.el!.title));
  });

  it('refuse a caller outside the admin group, as the same handler does behind the local API', async () => {
    const { campaign, commitmentId } = await invitedOperator();
    const answer = await invoke('resend-signing-link', { method: 'POST', path: `/api/commitments/${commitmentId}/resend`, groups: ['auditor'] });
    expect(answer.statusCode).toBe(403);
    const auditor = await campaign.token('auditor');
    await expect(campaign.api(auditor, 'POST', `/api/commitments/${commitmentId}/resend`)).rejects.toMatchObject({ status: 403 });
  });
});
