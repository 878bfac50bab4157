import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { waitFor, type CampaignClient } from '../../tools/campaign/campaign-client';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/aws-local';
import { client, commitmentItems, invitation, uniqueAddress } from '../support/campaign';
import { signEach, waitForAll } from '../support/flows';
import { localStack } from '../support/local-stack';
import { WORKFLOW_TIMEOUT_MS } from '../support/workflow-time';
import { unzip } from '../support/zip';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const db = () => DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: localStack().urls.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));

interface ExportView {
  exportId: string;
  state: string;
  total?: number;
  added?: number;
  zipBytes?: number;
  zipSha256?: string;
  failure?: string;
  download?: { url: string; expiresAt: string; filename: string };
}

interface DocumentListing { commitmentId: string; sha256: string; organisation: string; country: string; category: string; sealedAt: string }

let campaign: CampaignClient;
let admin: string;
let auditor: string;
let declarationId: string;
const organisations = [
  { name: 'Λιμενικό Σώμα – Ελληνική Ακτοφυλακή', category: 'customs', country: 'GR' },
  { name: 'Port of Antwerp-Bruges / Havenbedrijf', category: 'port_authority', country: 'BE' },
  { name: 'Агенция „Митници“', category: 'customs', country: 'BG' },
] as const;
let commitmentIds: string[];

function requestId(): string {
  return `test-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
}

async function startExport(token: string, body: Record<string, unknown>): Promise<{ status: number; answer: { created?: boolean; export?: ExportView; message?: string } }> {
  const response = await fetch(`${localStack().urls.app}/api/declarations/${declarationId}/document-exports`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return { status: response.status, answer: (await response.json()) as { export?: ExportView } };
}

async function exportState(token: string, exportId: string): Promise<ExportView> {
  return (await campaign.api<{ export: ExportView }>(token, 'GET', `/api/document-exports/${exportId}`)).export;
}

/** Polls the export until it is finished (READY or FAILED). */
function finished(token: string, exportId: string): Promise<ExportView> {
  return waitFor(async () => {
    const view = await exportState(token, exportId);
    return view.state === 'READY' || view.state === 'FAILED' ? view : undefined;
  }, WORKFLOW_TIMEOUT_MS, `export ${exportId} to finish`);
}

/** Three organisations in three countries, signed, countersigned and sealed. */
beforeAll(async () => {
  campaign = client();
  admin = await campaign.token('commission-admin');
  auditor = await campaign.token('auditor');
  declarationId = (await campaign.createDeclaration(admin, sampleDeclaration())).id;
  const emails = organisations.map(() => uniqueAddress('exported'));
  const invited = await campaign.invite(admin, declarationId, organisations.map((organisation, index) => invitation(emails[index]!, organisation)));
  commitmentIds = invited.results.map((result) => result.commitmentId);
  await signEach(campaign, emails);
  await waitForAll(campaign, admin, commitmentIds, ['VERIFIED']);
  await campaign.api(admin, 'POST', `/api/declarations/${declarationId}/countersignatures`, { allVerified: true });
  await waitForAll(campaign, admin, commitmentIds, ['DELIVERED']);
}, 300_000);

describe('a ZIP export of sealed PDFs', () => {
  it('holds the filtered PDFs under <country>/<category>/<organisation>-<short id>.pdf, each matching the manifest and the record, with UTF-8 names', async () => {
    const { status, answer } = await startExport(auditor, { requestId: requestId(), countries: ['GR', 'BG'] });
    expect(status).toBe(202);
    expect(answer.export?.state).toMatch(/PENDING|BUILDING|READY/);
    const done = await finished(auditor, answer.export!.exportId);
    expect(done).toMatchObject({ state: 'READY', total: 2, added: 2 });

    const response = await fetch(done.download!.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const zip = Buffer.from(await response.arrayBuffer());
    expect(zip.length).toBe(done.zipBytes);
    expect(sha256(zip)).toBe(done.zipSha256);

    const entries = await unzip(zip);
    const names = entries.map((entry) => entry.name).sort();
    const { documents } = await campaign.api<{ documents: DocumentListing[] }>(auditor, 'GET', `/api/documents?declarationId=${declarationId}`);
    const expected = documents.filter((document) => document.country !== 'BE');
    expect(expected).toHaveLength(2);
    expect(names).toEqual([
      `BG/customs/Агенция „Митници“-${expected.find((d) => d.country === 'BG')!.commitmentId.slice(-8)}.pdf`,
      `GR/customs/Λιμενικό Σώμα – Ελληνική Ακτοφυλακή-${expected.find((d) => d.country === 'GR')!.commitmentId.slice(-8)}.pdf`,
      'manifest.csv',
      'manifest.json',
    ]);
    for (const entry of entries) expect(entry.utf8Flag, entry.name).toBe(true);

    const manifest = JSON.parse(entries.find((entry) => entry.name === 'manifest.json')!.bytes.toString('utf8')) as { count: number; files: { file: string; sha256: string; commitmentId: string; organisation: string; country: string; category: string; sealedAt: string }[] };
    expect(manifest.count).toBe(2);
    const csv = entries.find((entry) => entry.name === 'manifest.csv')!.bytes.toString('utf8');
    for (const file of manifest.files) {
      const pdf = entries.find((entry) => entry.name === file.file)!;
      expect(pdf.compressionMethod, 'PDFs are stored as they are').toBe(0);
      const record = documents.find((document) => document.commitmentId === file.commitmentId)!;
      expect(sha256(pdf.bytes)).toBe(file.sha256);
      expect(file.sha256).toBe(record.sha256);
      expect(file).toMatchObject({ organisation: record.organisation, country: record.country, category: record.category, sealedAt: record.sealedAt });
      expect(csv).toContain(`${file.sha256},`);
      expect(csv).toContain(file.commitmentId);
    }
  });

  it('is made once per request id: the same POST answers the same export, and the request id cannot name other documents', async () => {
    const id = requestId();
    const first = await startExport(admin, { requestId: id, categories: ['port_authority'] });
    expect(first.status).toBe(202);
    const done = await finished(admin, first.answer.export!.exportId);
    expect(done).toMatchObject({ state: 'READY', total: 1 });

    const again = await startExport(admin, { requestId: id, categories: ['port_authority'] });
    expect(again.status).toBe(200);
    expect(again.answer).toMatchObject({ created: false, export: { exportId: done.exportId, state: 'READY', zipSha256: done.zipSha256 } });

    const other = await startExport(admin, { requestId: id, categories: ['customs'] });
    expect(other.status).toBe(409);
    expect(other.answer.message).toContain('request id was used already');
  });

  it('refuses bad requests with a message, and exports of unknown declarations or ids', async () => {
    const missingId = await startExport(auditor, { countries: ['GR'] });
    expect(missingId.status).toBe(400);
    expect(JSON.stringify(missingId.answer)).toContain('requestId');
    const badCountry = await startExport(auditor, { requestId: requestId(), countries: ['Greece'] });
    expect(badCountry.status).toBe(400);
    expect(JSON.stringify(badCountry.answer)).toContain('two-letter code');
    const unknown = await fetch(`${localStack().urls.app}/api/document-exports/exp_0000000000zzzzzzzzzzzzzzzz`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(unknown.status).toBe(404);
    const malformed = await fetch(`${localStack().urls.app}/api/document-exports/not-an-id`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(malformed.status).toBe(404);
  });

  // The bucket's privacy (no public access, TLS only) is the stacks' (test/infra/stacks.test.ts): the local
  // S3 server serves any object to an unsigned request, but checks every signature it is given.
  it('is refused to an anonymous caller, and its download URL works only as signed', async () => {
    const anonymous = await fetch(`${localStack().urls.app}/api/declarations/${declarationId}/document-exports`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ requestId: requestId() }),
    });
    expect(anonymous.status).toBe(401);
    const { answer } = await startExport(auditor, { requestId: requestId() });
    const done = await finished(auditor, answer.export!.exportId);
    expect(done.total).toBe(3);
    const url = new URL(done.download!.url);
    url.searchParams.set('X-Amz-Expires', '604800');
    expect((await fetch(url)).status).toBe(403);
  });

  it('stops, says whose PDF differs from its recorded SHA-256, and offers no download when stored bytes were altered', async () => {
    const [victim] = commitmentIds;
    const items = await commitmentItems(victim!);
    const objectKey = String(items.find((item) => item.SK === 'DOC')!.objectKey);
    const s3 = new S3Client({ endpoint: localStack().urls.s3, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
    const bucket = localStack().aws.filesBucketName;
    const original = Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey }))).Body!.transformToByteArray());
    const altered = Buffer.from(original);
    altered[Math.floor(altered.length / 2)]! ^= 0xff;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: objectKey, Body: altered }));
    try {
      const { answer } = await startExport(auditor, { requestId: requestId() });
      const done = await finished(auditor, answer.export!.exportId);
      expect(done.state).toBe('FAILED');
      expect(done.failure).toContain(victim);
      expect(done.failure).toContain('does not match the SHA-256 recorded when it was sealed');
      expect(done.download).toBeUndefined();
    } finally {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: objectKey, Body: original }));
    }
  });
});

describe('the joint declaration through the files bucket', () => {
  it('is previewed while the declaration is open: marked, unsealed, downloadable', async () => {
    const preview = await campaign.api<{ preview: { signatoryCount: number }; download: { url: string } }>(admin, 'POST', `/api/declarations/${declarationId}/joint-declaration-preview`);
    expect(preview.preview.signatoryCount).toBe(3);
    const bytes = Buffer.from(await (await fetch(preview.download.url)).arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.includes(Buffer.from('/ByteRange'))).toBe(false);
  });

  it('larger than 4 MB and stored in the table before the bucket existed, is copied to the bucket and downloaded whole', async () => {
    // A record as the table held joint declarations before: chunks of at most 350,000 bytes under a generation.
    const legacyDeclaration = (await campaign.createDeclaration(admin, sampleDeclaration())).id;
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4_500_000, 0x20), Buffer.from('\n%%EOF\n')]);
    const chunkBytes = 350_000;
    const generation = 'gen_legacy0000000000000000000';
    const chunkCount = Math.ceil(bytes.length / chunkBytes);
    for (let index = 0; index < chunkCount; index++) {
      await db().send(new PutCommand({ TableName: localStack().aws.tableName, Item: { PK: `DECL#${legacyDeclaration}`, SK: `JOINT#${generation}#CHUNK#${String(index).padStart(4, '0')}`, bytes: bytes.subarray(index * chunkBytes, (index + 1) * chunkBytes) } }));
    }
    await db().send(new PutCommand({ TableName: localStack().aws.tableName, Item: {
      PK: `DECL#${legacyDeclaration}`, SK: 'JOINT', declarationId: legacyDeclaration, sha256: sha256(bytes), size: bytes.length, chunkCount, generation,
      sealedAt: '2026-11-30T12:00:00.000Z', signatoryCount: 41_000, generatedBy: 'admin',
    } }));
    const answer = await campaign.api<{ jointDeclaration: { sha256: string; size: number }; download: { url: string; filename: string } }>(auditor, 'GET', `/api/declarations/${legacyDeclaration}/joint-declaration`);
    expect(answer.jointDeclaration).toMatchObject({ sha256: sha256(bytes), size: 4_500_016 });
    const downloaded = Buffer.from(await (await fetch(answer.download.url)).arrayBuffer());
    expect(downloaded.length).toBe(bytes.length);
    expect(sha256(downloaded)).toBe(sha256(bytes));
  });

  it('stored in the bucket, is downloaded whatever its size: the answer carries a URL, not the bytes', async () => {
    const bigDeclaration = (await campaign.createDeclaration(admin, sampleDeclaration())).id;
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(6_000_000, 0x20), Buffer.from('\n%%EOF\n')]);
    const objectKey = `joint-declarations/${bigDeclaration}/gen_test.pdf`;
    const s3 = new S3Client({ endpoint: localStack().urls.s3, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
    await s3.send(new PutObjectCommand({ Bucket: localStack().aws.filesBucketName, Key: objectKey, Body: bytes }));
    await db().send(new PutCommand({ TableName: localStack().aws.tableName, Item: {
      PK: `DECL#${bigDeclaration}`, SK: 'JOINT', declarationId: bigDeclaration, sha256: sha256(bytes), size: bytes.length, objectKey,
      sealedAt: '2026-11-30T12:00:00.000Z', signatoryCount: 60_000, generatedBy: 'admin',
    } }));
    const response = await fetch(`${localStack().urls.app}/api/declarations/${bigDeclaration}/joint-declaration`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length') ?? (await response.clone().text()).length)).toBeLessThan(4_000);
    const answer = (await response.json()) as { download: { url: string } };
    const downloaded = Buffer.from(await (await fetch(answer.download.url)).arrayBuffer());
    expect(sha256(downloaded)).toBe(sha256(bytes));
  });
});
