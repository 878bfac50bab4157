import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEmailFor, signingLinkIn } from '../../tools/campaign/campaign-client';
import { readUsage, resetUsage } from '../../tools/campaign/local-usage';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { invitation, uniqueAddress } from '../support/campaign';
import { OwnStack } from '../support/own-stack';
import { TEST_RATE_LIMITS, TEST_TIMINGS } from '../support/test-stacks';
import { waitForIdle } from '../support/workflow-time';
import { deliveredDeclaration } from '../support/flows';
import { consentStatement } from '../../functions/domain/consent';

/**
 * Capacity units (reads and writes, as DynamoDB bills them) from invitation to delivery, the
 * declaration's own left out: 152 before the commitment item shed what is written once, 140 before
 * the countersignature wait's task parked its token with the confirmation's record.
 */
const WRITE_AND_READ_UNITS = 138;

/** Requests on the declaration itself (its record and content, the GSI1 lists), which a campaign's commitments share. */
const DECLARATION_KINDS = /^(GetItem DECLARATION|Query DECL#…|Query GSI1|TransactWriteItems DECLARATION(\+DECLARATION)?\+EVENT)$/;

function difference(after: Readonly<Record<string, number>>, before: Readonly<Record<string, number>>): Record<string, number> {
  const kinds = Object.entries(after).map(([kind, count]) => [kind, count - (before[kind] ?? 0)] as const);
  return Object.fromEntries(kinds.filter(([, count]) => count > 0));
}

const total = (byKind: Readonly<Record<string, number>>) => Object.values(byKind).reduce((sum, count) => sum + count, 0);

// DynamoDB requests are what a commitment costs in time on one machine and in money on AWS: these
// pin down how few each step makes (docs/performance.md, "The product's own round trips").
describe('the DynamoDB round trips of one commitment', () => {
  let stack: OwnStack;

  beforeAll(async () => {
    stack = await OwnStack.start({ inMemory: true, meterUsage: true, timings: TEST_TIMINGS, rateLimits: TEST_RATE_LIMITS });
    // A commitment delivered first, so that the one measured meets warm containers, as in a campaign.
    await deliveredDeclaration(stack.campaign, await stack.campaign.token('commission-admin'), 'warm-up', [undefined]);
  }, 240_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('read the link or session, the commitment and its code state in one request per signing page, and stay within 30 requests and 138 capacity units from invitation to delivery', async () => {
    const { campaign } = stack;
    const app = stack.process.urls.app;
    const admin = await campaign.token('commission-admin');
    const declaration = await campaign.createDeclaration(admin, sampleDeclaration());
    const email = uniqueAddress();
    await resetUsage(app);

    const invited = await campaign.invite(admin, declaration.id, [invitation(email)]);
    const commitmentId = invited.results[0]!.commitmentId;
    const [mail] = await campaign.waitForEmails(email, isEmailFor('invitation'));
    await waitForIdle(app);
    const invitedUsage = (await readUsage(app)).dynamodb.requestsByKind;

    // The operator's visit up to the open form: landing page, Continue, the code page, the code, the form.
    const operator = campaign.operator(signingLinkIn(mail!), { recipient: email });
    expect((await operator.open()).status).toBe(303);
    expect(await operator.confirmCode()).toBeUndefined();
    const form = await operator.readForm();
    const visit = difference((await readUsage(app)).dynamodb.requestsByKind, invitedUsage);
    expect(visit).toEqual({
      // The landing page and Continue.
      'BatchGetItem LINK+COMMITMENT+OTP': 2,
      // The code page, the code's POST and the form.
      'BatchGetItem SESSION+COMMITMENT+OTP': 3,
      // Continue and the code's POST each count the client address and the commitment.
      'UpdateItem WINDOW': 4,
      // Continue: the session and its first code (counted in the codes' window), each with its event.
      'TransactWriteItems SESSION+EVENT+WINDOW+OTP+EVENT': 1,
      'TransactWriteItems OTP+SESSION+EVENT': 1,
    });

    expect((await operator.sign({ name: 'Αθανάσιος Παπαδόπουλος', title: 'Director' }, {}, form)).status).toBe(200);
    await waitForIdle(app);
    await campaign.countersignAllVerified(admin, declaration.id);
    await waitForIdle(app);
    const usage = await readUsage(app);
    const { commitment } = await campaign.api<{ commitment: { state: string } }>(admin, 'GET', `/api/commitments/${commitmentId}`);
    expect(commitment.state).toBe('DELIVERED');
    // The seal's timestamp and the document timestamp over its validation data: no token only to size the seal.
    expect(usage.timestampTokens).toBe(2);
    const own = Object.fromEntries(Object.entries(usage.dynamodb.requestsByKind).filter(([kind]) => !DECLARATION_KINDS.test(kind)));
    expect(total(own), JSON.stringify(own)).toBeLessThanOrEqual(30);

    // What DynamoDB bills: every step after the signature rewrites the commitment item whole (twice
    // inside a transaction, and its GSI1 copy twice more), so what is written once lives in the
    // audit event of the step that wrote it, and the item stays within 2 KB.
    const units = Object.fromEntries(Object.entries(usage.dynamodb.unitsByKind).filter(([kind]) => !DECLARATION_KINDS.test(kind)));
    const afterSignature = ['TransactWriteItems COMMITMENT+EVENT+MAIL', 'TransactWriteItems COMMITMENT+EVENT', 'TransactWriteItems COMMITMENT+EVENT+DOC+DOCHASH'];
    // Verification and delivery, countersignature, sealing: 66 units while the item carried the statements' texts and the passed checks.
    expect(total(Object.fromEntries(afterSignature.map((kind) => [kind, units[kind] ?? 0]))), JSON.stringify(units)).toBeLessThanOrEqual(54);
    expect(total(units), JSON.stringify(units)).toBeLessThanOrEqual(WRITE_AND_READ_UNITS);
    const items = await stack.items(commitmentId);
    const record = items.find((item) => item.SK === 'COMMITMENT')!;
    const signed = items.find((item) => item.type === 'SIGNED')!;
    const verified = items.find((item) => item.type === 'VERIFIED')!;
    const consent = consentStatement('el');
    expect(record.signature).toMatchObject({ consent: { sha256: consent.sha256, language: 'el' } });
    expect(record.signature).not.toHaveProperty('consent.text');
    expect(record.signature).not.toHaveProperty('clientAddressHash');
    expect(record.verification).toEqual({ outcome: 'VERIFIED', verifiedAt: verified.at });
    expect(signed.detail).toMatchObject({ consent: { text: consent.text, sha256: consent.sha256, language: 'el' }, clientAddressHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect((verified.detail as { checks: unknown[] }).checks).toHaveLength(4);
    // The API still shows the commitment whole.
    const shown = await campaign.api<{ commitment: { signature: { consent: { text: string }; clientAddressHash: string }; verification: { checks: { passed: boolean }[] } } }>(admin, 'GET', `/api/commitments/${commitmentId}`);
    expect(shown.commitment.signature.consent.text).toBe(consent.text);
    expect(shown.commitment.signature.clientAddressHash).toBe((signed.detail as { clientAddressHash: string }).clientAddressHash);
    expect(shown.commitment.verification.checks.map((check) => check.passed)).toEqual([true, true, true, true]);
  });
});
