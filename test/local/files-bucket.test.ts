import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/catalog';
import { downloadUrl, putFile, streamUpload } from '../../functions/files/bucket';
import { ZipStream } from '../../functions/files/zip-stream';
import { LOCAL_CREDENTIALS, LOCAL_REGION, freePort } from '../../infra/local/aws-local';
import { startLocalLambdaService, type LocalLambdaService } from '../../infra/local/lambda-service';
import { startLocalS3, type LocalS3 } from '../../infra/local/s3';
import { unzip } from '../support/zip';

const BUCKET = 'ports-alliance-files-test';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const directory = mkdtempSync(path.join(tmpdir(), 'files-bucket-'));
let s3: LocalS3;

beforeAll(async () => {
  s3 = await startLocalS3({ port: await freePort(), directory, buckets: [BUCKET], credentials: LOCAL_CREDENTIALS });
  // The functions find the local endpoint as a Lambda would find AWS: through the SDK's standard variables.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_S3: s3.url,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    [ENV.filesBucketName]: BUCKET,
  });
});

afterAll(async () => {
  await s3?.stop();
  rmSync(directory, { recursive: true, force: true });
});

describe('the files bucket on the local S3 server', () => {
  it('takes a ZIP streamed as a multipart upload of several parts and serves it through a pre-signed URL, byte for byte', async () => {
    const files = Array.from({ length: 14 }, (_, index) => ({ name: `BE/customs/Organisation ${index}-Ωμέγα.pdf`, bytes: randomBytes(2_000_000) }));
    const upload = streamUpload('exports/test/several-parts.zip', 'application/zip');
    const zip = new ZipStream();
    zip.output.pipe(upload.body);
    for (const file of files) await zip.addStored(file.name, file.bytes, new Date('2027-01-05T10:00:00Z'));
    zip.addText('manifest.json', '{}\n', new Date('2027-01-05T10:00:00Z'));
    const [written] = await Promise.all([zip.finish(), upload.done]);
    expect(written.bytes).toBeGreaterThan(3 * 8 * 1024 * 1024);

    const { url, expiresAt } = await downloadUrl('exports/test/several-parts.zip', 'export.zip', new Date());
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="export.zip"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(written.bytes);
    expect(sha256(bytes)).toBe(written.sha256);
    const entries = await unzip(bytes);
    expect(entries.map((entry) => entry.name)).toEqual([...files.map((file) => file.name), 'manifest.json']);
    for (const [index, file] of files.entries()) expect(sha256(entries[index]!.bytes)).toBe(sha256(file.bytes));
  });

  it('refuses a pre-signed URL whose signed parts were changed', async () => {
    await putFile('previews/test/preview.pdf', Buffer.from('%PDF-1.7\n%%EOF\n'), 'application/pdf');
    const { url } = await downloadUrl('previews/test/preview.pdf', 'preview.pdf', new Date());
    expect((await fetch(url)).status).toBe(200);
    const longer = new URL(url);
    longer.searchParams.set('X-Amz-Expires', '604800');
    expect((await fetch(longer)).status).toBe(403);
    const otherObject = new URL(url.replace('preview.pdf?', 'other.pdf?'));
    expect((await fetch(otherObject)).status).toBe(403);
  });
});

describe('the local Lambda Invoke endpoint', () => {
  let service: LocalLambdaService;
  const seen: unknown[] = [];
  let release: () => void = () => undefined;

  beforeAll(async () => {
    service = await startLocalLambdaService({
      port: await freePort(),
      isFunction: (functionId) => functionId === 'build-document-export',
      invoke: async (_functionId, event) => {
        await new Promise<void>((resolve) => (release = resolve));
        seen.push(event);
        return { done: true };
      },
    });
  });
  afterAll(() => service?.stop());

  it('answers an Event invocation at once with 202, runs it in the background, and is idle once it has finished', async () => {
    const response = await fetch(`${service.url}/2015-03-31/functions/build-document-export/invocations`, {
      method: 'POST', headers: { 'x-amz-invocation-type': 'Event' }, body: JSON.stringify({ exportId: 'exp_1' }),
    });
    expect(response.status).toBe(202);
    expect(service.inFlight).toBe(1);
    expect(seen).toEqual([]);
    const idle = service.whenIdle();
    release();
    await idle;
    expect(seen).toEqual([{ exportId: 'exp_1' }]);
    expect(service.inFlight).toBe(0);
  });

  it('answers 404 for a function it does not run', async () => {
    const response = await fetch(`${service.url}/2015-03-31/functions/nobody/invocations`, { method: 'POST', headers: { 'x-amz-invocation-type': 'Event' }, body: '{}' });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
  });
});
