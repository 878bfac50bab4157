import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { type CampaignClient, isEmailFor, signingLinkIn } from '../../tools/campaign/campaign-client';
import { verifySealedPdf } from '../../functions/pdf/verify-seal';
import { findSignatureDictionaries, trimPadding } from '../../functions/pdf/signature-dictionaries';
import { OIDS } from '../../functions/seal/cms-asn1';
import { readSignedCms, unsignedAttribute } from '../../functions/seal/validation/cms-signature';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/aws-local';
import { commitmentItems, invitedCommitment, waitForState } from '../support/campaign';
import { localStack } from '../support/local-stack';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const workDir = mkdtempSync(path.join(tmpdir(), 'sealed-documents-'));
const pdfsig = (bytes: Uint8Array) => {
  const file = path.join(workDir, `${sha256(bytes)}.pdf`);
  writeFileSync(file, bytes);
  return spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
};

interface VerificationAnswer {
  issued: boolean;
  sha256?: string;
  document?: { documentId: string; kind: string; sha256: string; declaration: { title: string }; organisation?: { name: string; country: string }; signatoryCount?: number; revoked: boolean };
  seal?: { valid: boolean; level?: string; validationTimeSource: string; failures: { code: string }[]; limitations: { code: string }[] };
}

let campaign: CampaignClient;
let admin: string;
let declarationId: string;
let commitmentId: string;
let certificate: Buffer;
let deliveryAddress: string;

const s3 = () => new S3Client({ endpoint: localStack().urls.s3, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
async function readObject(key: string): Promise<Buffer> {
  const { Body } = await s3().send(new GetObjectCommand({ Bucket: localStack().aws.filesBucketName, Key: key }));
  return Buffer.from(await Body!.transformToByteArray());
}

async function verifyApi(body: Uint8Array | string, contentType: string): Promise<{ status: number; answer: VerificationAnswer }> {
  const response = await fetch(`${localStack().urls.app}/api/verify`, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  return { status: response.status, answer: (await response.json()) as VerificationAnswer };
}

/** One commitment taken through signing, countersignature, sealing and delivery. */
beforeAll(async () => {
  ({ campaign, admin, declarationId, commitmentId } = await invitedCommitment());
  const email = (await campaign.api<{ commitment: { organisation: { email: string } } }>(admin, 'GET', `/api/commitments/${commitmentId}`)).commitment.organisation.email;
  deliveryAddress = email;
  const [invitation] = await campaign.waitForEmails(email, isEmailFor('invitation'));
  await campaign.signThroughLink(signingLinkIn(invitation!), { name: 'Αθανάσιος Παπαδόπουλος', title: 'Αρχιπλοίαρχος' });
  await waitForState(campaign, admin, commitmentId, 'VERIFIED');
  await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/countersignature`);
  await waitForState(campaign, admin, commitmentId, 'DELIVERED');
  certificate = (await campaign.downloadDocument(await campaign.token('auditor'), commitmentId)).bytes;
}, 300_000);

describe('the sealed certificate on the local stack', () => {
  it('is sealed with the KMS key, PAdES B-LTA: the local timestamp authority timestamped the signature, and the document carries its validation data and a document timestamp', async () => {
    expect(pdfsig(certificate)).toContain('Signature is Valid');
    // Trusting the stack's own seal and timestamp certificates, as `npm run verify` does with its data directory.
    const seal = readSignedCms(trimPadding(findSignatureDictionaries(certificate)[0]!.contents));
    const token = readSignedCms(new Uint8Array(unsignedAttribute(seal, OIDS.signatureTimeStampToken)!));
    const report = await verifySealedPdf(certificate, { sealAnchors: seal.certificates, timestampAnchors: token.certificates });
    expect(report.failures).toEqual([]);
    expect(report.level).toBe('B-LTA');
    expect(report.validationTimeSource).toBe('signature timestamp');
  });

  it('stores a hash lookup item with the document, in the same write', async () => {
    const items = await commitmentItems(commitmentId);
    const document = items.find((item) => item.SK === 'DOC');
    expect(document?.sha256).toBe(sha256(certificate));
    const events = items.filter((item) => String(item.SK).startsWith('EVENT#') && item.type === 'SEALED');
    expect((events[0]?.detail as { sha256: string }).sha256).toBe(sha256(certificate));
  });

  it('keeps the PDF in the files bucket under the commitment and its SHA-256, named by its record, and nothing of it in the table', async () => {
    const items = await commitmentItems(commitmentId);
    const record = items.find((item) => item.SK === 'DOC')!;
    expect(record.objectKey).toBe(`certificates/${commitmentId}/${sha256(certificate)}.pdf`);
    expect(record.size).toBe(certificate.length);
    expect(items.filter((item) => String(item.SK).includes('#CHUNK#'))).toEqual([]);
    expect(sha256(await readObject(String(record.objectKey)))).toBe(sha256(certificate));
    // What the delivery email carried is what the bucket holds.
    const [delivery] = await campaign.waitForEmails(deliveryAddress, isEmailFor('delivery'));
    expect(sha256(Buffer.from(delivery!.attachments[0]!.content, 'base64'))).toBe(sha256(certificate));
  });

  it('serves a download from the bucket, and refuses other bytes under its key with a clear error instead of serving them', async () => {
    const objectKey = `certificates/${commitmentId}/${sha256(certificate)}.pdf`;
    const auditor = await campaign.token('auditor');
    const altered = Buffer.from(certificate);
    altered[Math.floor(altered.length / 2)]! ^= 0xff;
    await s3().send(new PutObjectCommand({ Bucket: localStack().aws.filesBucketName, Key: objectKey, Body: altered }));
    try {
      const response = await fetch(`${localStack().urls.app}/api/documents/${commitmentId}`, { headers: { authorization: `Bearer ${auditor}` } });
      expect(response.status).toBe(409);
      expect(response.headers.get('content-type')).toContain('application/json');
      const answer = (await response.json()) as { message: string };
      expect(answer.message).toContain(commitmentId);
      expect(answer.message).toContain('does not match the SHA-256 recorded when it was sealed');
    } finally {
      await s3().send(new PutObjectCommand({ Bucket: localStack().aws.filesBucketName, Key: objectKey, Body: certificate }));
    }
    expect(sha256((await campaign.downloadDocument(auditor, commitmentId)).bytes)).toBe(sha256(certificate));
  });

  it('still serves a certificate recorded before the bucket held them, from its chunks in the table, not those of a seal that crashed', async () => {
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: localStack().urls.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
    const table = localStack().aws.tableName;
    const record = (await commitmentItems(commitmentId)).find((item) => item.SK === 'DOC')!;
    const { objectKey: _objectKey, ...withoutObject } = record;
    await db.send(new PutCommand({ TableName: table, Item: { ...withoutObject, chunkCount: 1, generation: 'gen_legacy' } }));
    await db.send(new PutCommand({ TableName: table, Item: { PK: `CMT#${commitmentId}`, SK: 'DOC#gen_legacy#CHUNK#0000', bytes: certificate } }));
    await db.send(new PutCommand({ TableName: table, Item: { PK: `CMT#${commitmentId}`, SK: 'DOC#gen_crashed#CHUNK#0000', bytes: randomBytes(1024) } }));
    try {
      const again = await campaign.downloadDocument(await campaign.token('auditor'), commitmentId);
      expect(sha256(again.bytes)).toBe(sha256(certificate));
    } finally {
      await db.send(new PutCommand({ TableName: table, Item: record }));
      await db.send(new DeleteCommand({ TableName: table, Key: { PK: `CMT#${commitmentId}`, SK: 'DOC#gen_legacy#CHUNK#0000' } }));
      await db.send(new DeleteCommand({ TableName: table, Key: { PK: `CMT#${commitmentId}`, SK: 'DOC#gen_crashed#CHUNK#0000' } }));
    }
  });
});

describe('verification for anyone', () => {
  it('answers that we issued an uploaded PDF, for which organisation and declaration, and that it is not revoked', async () => {
    const { status, answer } = await verifyApi(certificate, 'application/pdf');
    expect(status).toBe(200);
    expect(answer.issued).toBe(true);
    expect(answer.sha256).toBe(sha256(certificate));
    expect(answer.document).toMatchObject({ documentId: commitmentId, kind: 'certificate', organisation: { name: 'Λιμενικό Σώμα – Ελληνική Ακτοφυλακή', country: 'GR' }, revoked: false });
    // The seal itself, validated against the seal chain and timestamp authority the deployment trusts.
    expect(answer.seal).toMatchObject({ valid: true, level: 'B-LTA', validationTimeSource: 'signature timestamp', failures: [] });
    expect(answer.seal!.limitations.map((limitation) => limitation.code)).not.toContain('NO_LONG_TERM_DATA');
    // Nothing beyond what the answer is for: no addresses, names of signers or states.
    expect(JSON.stringify(answer)).not.toMatch(/@|Αθανάσιος|DELIVERED/);
  });

  it('answers "not issued" for an unknown hash and for a copy with one byte changed', async () => {
    expect((await verifyApi(JSON.stringify({ sha256: randomBytes(32).toString('hex') }), 'application/json')).answer.issued).toBe(false);
    const changed = Buffer.from(certificate);
    changed[20] = (changed[20] ?? 0) ^ 0x01;
    const { answer } = await verifyApi(changed, 'application/pdf');
    expect(answer.issued).toBe(false);
    expect(answer.seal?.valid).toBe(false);
    expect(answer.seal?.failures.map((failure) => failure.code)).toContain('DOCUMENT_HASH_MISMATCH');
  });

  it('refuses a malformed SHA-256 with a message a person understands', async () => {
    const { status, answer } = await verifyApi(JSON.stringify({ sha256: 'not-a-hash' }), 'application/json');
    expect(status).toBe(400);
    expect((answer as unknown as { message: string }).message).toContain('64 hexadecimal characters');
  });

  it('resolves the verification URL printed in the PDF to a page about the document', async () => {
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', path.join(workDir, `${sha256(certificate)}.pdf`), '-'], { encoding: 'utf8' }).stdout;
    const url = new RegExp(`https?://\\S+/verify/${commitmentId}`).exec(text)?.[0];
    expect(url).toBeDefined();
    const response = await fetch(url!);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Λιμενικό Σώμα – Ελληνική Ακτοφυλακή');
    expect(html).toContain(sha256(certificate));
    expect(html).not.toContain('<script');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('checks a file sent from the plain HTML form (multipart upload)', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(certificate)], { type: 'application/pdf' }), 'certificate.pdf');
    form.append('sha256', '');
    const response = await fetch(`${localStack().urls.app}/verify`, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Issued by us');
    expect(html).toContain('Λιμενικό Σώμα – Ελληνική Ακτοφυλακή');
    expect(html).toContain('The seal is valid: PAdES B-LTA');
    expect(html).not.toContain('(NO_LONG_TERM_DATA)');
  });

  it('says when an issued certificate was revoked', async () => {
    // Revocation after sealing has no admin route yet: the record is changed directly, as such a route would.
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: localStack().urls.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
    await db.send(new UpdateCommand({ TableName: localStack().aws.tableName, Key: { PK: `CMT#${commitmentId}`, SK: 'COMMITMENT' }, UpdateExpression: 'SET #state = :revoked', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':revoked': 'REVOKED' } }));
    const { answer } = await verifyApi(JSON.stringify({ sha256: sha256(certificate) }), 'application/json');
    expect(answer).toMatchObject({ issued: true, document: { revoked: true } });
  });
});

describe('the joint declaration', () => {
  it('is made only for a closed declaration', async () => {
    await expect(campaign.api(admin, 'POST', `/api/declarations/${declarationId}/joint-declaration`)).rejects.toThrow(/409/);
  });

  it('is made once when the declaration is closed, sealed, stored and downloadable byte for byte by auditors', async () => {
    await campaign.api(admin, 'POST', `/api/declarations/${declarationId}/closing`, {});
    const [first, second] = await Promise.all([
      campaign.api<{ created: boolean; jointDeclaration: { sha256: string; signatoryCount: number } }>(admin, 'POST', `/api/declarations/${declarationId}/joint-declaration`),
      campaign.api<{ created: boolean; jointDeclaration: { sha256: string } }>(admin, 'POST', `/api/declarations/${declarationId}/joint-declaration`),
    ]);
    expect([first.created, second.created].filter(Boolean)).toHaveLength(1);
    expect(second.jointDeclaration.sha256).toBe(first.jointDeclaration.sha256);

    const auditor = await campaign.token('auditor');
    const answer = await campaign.api<{ jointDeclaration: { sha256: string }; download: { url: string; filename: string } }>(auditor, 'GET', `/api/declarations/${declarationId}/joint-declaration`);
    expect(answer.jointDeclaration.sha256).toBe(first.jointDeclaration.sha256);
    expect(answer.download.filename).toBe(`ports-alliance-joint-declaration-${declarationId}.pdf`);
    const response = await fetch(answer.download.url);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(sha256(bytes)).toBe(first.jointDeclaration.sha256);
    expect(pdfsig(bytes)).toContain('Signature is Valid');

    const verified = await verifyApi(bytes, 'application/pdf');
    expect(verified.answer).toMatchObject({ issued: true, document: { kind: 'joint-declaration', documentId: declarationId } });
  });
});
