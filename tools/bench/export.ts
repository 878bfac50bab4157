/**
 * `npm run bench:export -- --certificates 5000`: how long the ZIP export of N sealed certificates takes
 * on the local stack, and the peak memory of the process that builds it. The last line of stdout is
 * JSON: `{certificates, zipBytes, seconds, peakRssMb}`.
 *
 * The certificates: a few are rendered and sealed here as the product seals them (the in-memory
 * development key), and the N documents of the declaration are copies of those, each with its own
 * PDF comment appended after the last `%%EOF` (so each has its own SHA-256, as in a real export, and
 * a real certificate's size). They are stored as the sealing task stores a document (the PDF in the
 * files bucket under its SHA-256, then the record naming it and the hash lookup item), straight through
 * S3 and DynamoDB: sealing 5,000 through the whole workflow would take the best part of an hour and
 * measure something else.
 *
 * `seconds` runs from the POST that asks for the export to the GET that finds it READY (the stack
 * is polled every 100 ms). `peakRssMb` is the stack process's peak resident memory (VmHWM) over that
 * time: it is reset through /proc/<pid>/clear_refs just before the POST. The builder, the local S3
 * server that receives the upload and DynamoDB Local's client all run in that process (DynamoDB Local
 * itself is a Java process of its own and is not counted).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, type BatchWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { newId } from '../../functions/domain/ids';
import { renderSealedCertificate } from '../../functions/pdf/render-sealed-certificate';
import { createDevelopmentSeal } from '../../functions/seal/in-memory-signer';
import { certificateObjectKey } from '../../functions/operations/sealed-certificate-file';
import { keys } from '../../functions/store/table';
import { CampaignClient, waitFor } from '../campaign/campaign-client';
import { sampleDeclaration } from '../campaign/sample-declaration';
import { benchCertificateInput, fixtures, type Fixture } from './certificate-input';
import { spawnLocalStack } from '../local-stack-process';

const { values } = parseArgs({ options: { certificates: { type: 'string', default: '5000' }, originals: { type: 'string', default: '30' } } });
const certificates = Number(values.certificates);
const originals = Number(values.originals);
if (!Number.isInteger(certificates) || certificates < 1 || certificates > 50_000) throw new Error('--certificates must be a whole number from 1 to 50000');
if (!Number.isInteger(originals) || originals < 1) throw new Error('--originals must be a whole number of at least 1');
const log = (line: string) => process.stderr.write(`${line}\n`);

log(`Sealing ${originals} certificates...`);
const { signer } = await createDevelopmentSeal();
const sealed: { fixture: Fixture; bytes: Buffer }[] = [];
for (let index = 0; index < originals; index++) {
  const fixture = fixtures[index % fixtures.length]!;
  const documentId = newId('cmt');
  const bytes = await renderSealedCertificate(benchCertificateInput(fixture, documentId), signer);
  sealed.push({ fixture, bytes: Buffer.from(bytes) });
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'ports-alliance-bench-export-'));
log('Starting the local stack...');
const stack = await spawnLocalStack({ dataDir, inMemory: true, logLevel: 'ERROR' });
try {
  const campaign = new CampaignClient(stack.urls.app, stack.urls.mailbox);
  const admin = await campaign.token('commission-admin');
  const auditor = await campaign.token('auditor');
  const declarationId = (await campaign.createDeclaration(admin, sampleDeclaration())).id;
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.urls.dynamodb, region: stack.aws.region, credentials: stack.aws.credentials }));
  const s3 = new S3Client({ endpoint: stack.urls.s3, region: stack.aws.region, credentials: stack.aws.credentials, forcePathStyle: true });
  const uploads: Promise<unknown>[] = [];

  log(`Storing ${certificates} sealed certificates...`);
  const items: Record<string, unknown>[] = [];
  const flush = async (all = false) => {
    while (items.length >= 25 || (all && items.length > 0)) {
      let request: BatchWriteCommandInput['RequestItems'] = { [stack.aws.tableName]: items.splice(0, 25).map((Item) => ({ PutRequest: { Item } })) };
      while (request && Object.keys(request).length > 0) {
        request = (await db.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems;
      }
    }
  };
  const sealedAt = Date.parse('2026-11-28T09:00:00Z');
  for (let index = 0; index < certificates; index++) {
    const { fixture, bytes: original } = sealed[index % sealed.length]!;
    const bytes = Buffer.concat([original, Buffer.from(`%bench copy ${index}\n`)]);
    const commitmentId = newId('cmt');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const objectKey = certificateObjectKey(commitmentId, sha256);
    // The object before the record that names it, as the sealing task does; 16 uploads at a time.
    uploads.push(s3.send(new PutObjectCommand({ Bucket: stack.aws.filesBucketName, Key: objectKey, Body: bytes, ContentType: 'application/pdf' })));
    if (uploads.length >= 16) await Promise.all(uploads.splice(0));
    const record = {
      commitmentId, declarationId, sha256, size: bytes.length, objectKey, sealedAt: new Date(sealedAt + index * 1000).toISOString(),
      organisation: `${fixture.organisation} ${index + 1}`, category: fixture.category, country: fixture.country,
    };
    items.push({ ...keys.document(commitmentId), GSI1PK: keys.documentsOf(declarationId), GSI1SK: `${record.sealedAt}#${commitmentId}`, ...record });
    items.push({ ...keys.documentHash(sha256), sha256, kind: 'certificate', documentId: commitmentId, declarationId });
    await flush();
  }
  await Promise.all(uploads);
  await flush(true);

  const pid = stack.child.pid!;
  // Peak resident memory from here on: writing 5 to clear_refs resets VmHWM (Linux).
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const memoryKb = (field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  log(`The stack process holds ${Math.round(memoryKb('VmRSS') / 1024)} MB before the export. Exporting ${certificates} certificates...`);
  const started = performance.now();
  const { export: asked } = await campaign.api<{ export: { exportId: string } }>(auditor, 'POST', `/api/declarations/${declarationId}/document-exports`, { requestId: `bench-${Date.now()}` });
  const done = await waitFor(async () => {
    const { export: view } = await campaign.api<{ export: { state: string; added?: number; zipBytes?: number; failure?: string } }>(auditor, 'GET', `/api/document-exports/${asked.exportId}`);
    if (view.state === 'FAILED') throw new Error(`the export failed: ${view.failure}`);
    return view.state === 'READY' ? view : undefined;
  }, 600_000, 'the export to be ready', 100);
  const seconds = Math.round((performance.now() - started) / 10) / 100;
  const peakKb = memoryKb('VmHWM');
  process.stdout.write(`${JSON.stringify({ certificates, zipBytes: done.zipBytes, seconds, peakRssMb: Math.round(peakKb / 1024) })}\n`);
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
