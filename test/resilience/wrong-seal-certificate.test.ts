import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevelopmentSeal } from '../../functions/seal/in-memory-signer';
import { certificateToPem } from '../../functions/seal/signer';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { invitation, uniqueAddress } from '../support/campaign';
import { countEmails, isDelivery, signEach, waitForAll } from '../support/flows';
import { OwnStack } from '../support/own-stack';

/**
 * A stack whose seal certificate secret holds the certificate of another key than the one KMS signs
 * with: every seal it makes is wrong. The seal checks itself before it is stored, so no such document
 * ever exists; the commitment shows FAILED with a reason an admin can act on.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'ports-alliance-wrong-seal-'));
let stack: OwnStack | undefined;

beforeAll(async () => {
  const [key, other] = await Promise.all([createDevelopmentSeal(), createDevelopmentSeal()]);
  // The files the local stack keeps its development seal in (infra/pki/development-seal.ts).
  mkdirSync(path.join(dataDir, 'seal'), { recursive: true });
  writeFileSync(path.join(dataDir, 'seal', 'kms-key.pem'), key.privateKeyPem);
  writeFileSync(path.join(dataDir, 'seal', 'certificate.pem'), certificateToPem(other.certificateDer));
  // Without a timestamp authority the stack seals with the certificate in these files; with one, its own PKI certifies the key.
  stack = await OwnStack.start({ dataDir, timestampAuthority: false });
});

afterAll(async () => {
  await stack?.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a seal certificate that does not belong to the seal key', () => {
  it('stores nothing, emails nothing, and shows the commitment FAILED with the reason', async () => {
    const campaign = stack!.campaign;
    const admin = await campaign.token('commission-admin');
    const declaration = await campaign.createDeclaration(admin, { ...sampleDeclaration(), oneTimeCode: false });
    const email = uniqueAddress('wrong-seal');
    const commitmentId = (await campaign.invite(admin, declaration.id, [invitation(email)])).results[0]!.commitmentId;
    await signEach(campaign, [email]);
    await waitForAll(campaign, admin, [commitmentId], ['VERIFIED']);
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/countersignature`);
    await waitForAll(campaign, admin, [commitmentId], ['FAILED']);

    const { commitment } = await campaign.api<{ commitment: { failure: { error: string; cause: string; stateAtFailure: string } } }>(admin, 'GET', `/api/commitments/${commitmentId}`);
    expect(commitment.failure).toMatchObject({ error: 'SealCheckFailed', stateAtFailure: 'COUNTERSIGNED' });
    expect(commitment.failure.cause).toContain('The seal just made does not verify, so nothing was stored');
    expect(commitment.failure.cause).toContain('SIGNATURE_INVALID');
    expect((await stack!.items(commitmentId)).filter((item) => item.SK === 'DOC')).toHaveLength(0);
    expect(await countEmails(campaign, email, isDelivery)).toBe(0);
    expect(await stack!.executionStatus(commitmentId)).toBe('FAILED');
  });
});
