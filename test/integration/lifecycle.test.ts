import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HttpError, isEmailFor, signingLinkIn, waitFor } from '../../tools/campaign/campaign-client';
import { messagesFor } from '../../templates/i18n';
import { auditEvents, executionStatus, invitedCommitment, waitForState } from '../support/campaign';
import { openForm } from '../support/signing';
import { WORKFLOW_TIMEOUT_MS } from '../support/workflow-time';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const el = messagesFor('el');

describe('the life of a commitment, through HTTP on the local stack', () => {
  it('is invited, signed through the emailed link and code, verified, countersigned, sealed and delivered with the PDF', async () => {
    const { campaign, admin, commitmentId, email } = await invitedCommitment();
    const [invitationEmail] = await campaign.waitForEmails(email, isEmailFor('invitation'));
    const link = signingLinkIn(invitationEmail!);

    const landing = await campaign.operator(link).landing();
    expect(await landing.text()).toContain('Λιμενικό Σώμα – Ελληνική Ακτοφυλακή');
    const signed = await campaign.signThroughLink(link, { name: 'Αθανάσιος Παπαδόπουλος', title: 'Αρχιπλοίαρχος' });
    expect(signed.status).toBe(200);
    expect(await signed.text()).toContain(el.outcome.signedTitle);

    await waitForState(campaign, admin, commitmentId, 'VERIFIED');
    // The verify task emails the confirmation after recording VERIFIED: let it finish, so that the trail's order below is fixed.
    const confirmationRecorded = async () => ((await auditEvents(campaign, admin, commitmentId)).some((event) => event.type === 'SIGNATURE_CONFIRMATION_SENT') ? true : undefined);
    await waitFor(confirmationRecorded, WORKFLOW_TIMEOUT_MS, 'the signature confirmation');
    const countersigned = await campaign.api<{ result: string }>(admin, 'POST', `/api/commitments/${commitmentId}/countersignature`);
    expect(countersigned.result).toBe('countersigned');
    await waitForState(campaign, admin, commitmentId, 'DELIVERED');

    const [delivery] = await campaign.waitForEmails(email, isEmailFor('delivery'));
    const attachment = delivery!.attachments.find((file) => file.contentType === 'application/pdf');
    expect(attachment).toBeDefined();
    const auditor = await campaign.token('auditor');
    const downloaded = await campaign.downloadDocument(auditor, commitmentId);
    expect(sha256(Buffer.from(attachment!.content, 'base64'))).toBe(sha256(downloaded.bytes));
    expect(downloaded.sha256Header).toBe(sha256(downloaded.bytes));

    const { commitment } = await campaign.api<{ commitment: { document: { sha256: string } } }>(auditor, 'GET', `/api/commitments/${commitmentId}`);
    expect(commitment.document.sha256).toBe(sha256(downloaded.bytes));
    const events = (await auditEvents(campaign, admin, commitmentId)).map((event) => event.type);
    expect(events).toEqual(['INVITED', 'INVITATION_SENT', 'VIEWED', 'CODE_SENT', 'CODE_CONFIRMED', 'SIGNED', 'VERIFIED', 'SIGNATURE_CONFIRMATION_SENT', 'COUNTERSIGNED', 'SEALED', 'DELIVERED']);
    expect(await executionStatus(commitmentId)).toBe('SUCCEEDED');
    // Delivered: the certificate went to its contact, who can no longer be changed.
    const correction = await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/contact`, { email: `other.${email}` }).catch((error: unknown) => error as HttpError);
    expect(correction).toMatchObject({ status: 409 });

    const dir = mkdtempSync(path.join(tmpdir(), 'certificate-'));
    const file = path.join(dir, 'certificate.pdf');
    writeFileSync(file, downloaded.bytes);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Αθανάσιος Παπαδόπουλος');
    expect(text).toContain('Λιμενικό Σώμα – Ελληνική Ακτοφυλακή');
    expect(spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout).toContain('Signature is Valid');
  });

  it('records a decline with its reason and ends the workflow', async () => {
    const { campaign, admin, commitmentId, email } = await invitedCommitment();
    const [invitationEmail] = await campaign.waitForEmails(email, isEmailFor('invitation'));
    const response = await campaign.decline(signingLinkIn(invitationEmail!), 'Our board has not yet approved the commitments.');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(el.outcome.declinedTitle);
    await waitForState(campaign, admin, commitmentId, 'DECLINED');
    await waitFor(async () => ((await executionStatus(commitmentId)) === 'SUCCEEDED' ? true : undefined), WORKFLOW_TIMEOUT_MS, 'the execution to end');
    const { commitment } = await campaign.api<{ commitment: { decline: { reason: string } } }>(admin, 'GET', `/api/commitments/${commitmentId}`);
    expect(commitment.decline.reason).toBe('Our board has not yet approved the commitments.');
  });

  it('refuses a revoked link with 410 and a page that says what to do, also in a session opened before, and stops the workflow', async () => {
    const { campaign, admin, commitmentId, email } = await invitedCommitment();
    const [invitationEmail] = await campaign.waitForEmails(email, isEmailFor('invitation'));
    const link = signingLinkIn(invitationEmail!);
    const operator = campaign.operator(link);
    await openForm(operator);
    const form = await operator.readForm();
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/revocation`, { reason: 'Invited by mistake' });
    const page = await fetch(link);
    expect(page.status).toBe(410);
    const html = await page.text();
    expect(html).toContain(el.problems.linkRevoked.title);
    expect(html).toContain('mailto:');
    const post = await operator.sign({ name: 'Someone', title: 'Officer' }, {}, form);
    expect(post.status).toBe(410);
    await waitFor(async () => ((await executionStatus(commitmentId)) === 'SUCCEEDED' ? true : undefined), WORKFLOW_TIMEOUT_MS, 'the execution to end');
    expect(await waitForState(campaign, admin, commitmentId, 'REVOKED')).toBe('REVOKED');
  });

  it('answers a second POST on a used session, and the used link, with 410, and records one signature', async () => {
    const { campaign, admin, commitmentId, email } = await invitedCommitment();
    const [invitationEmail] = await campaign.waitForEmails(email, isEmailFor('invitation'));
    const link = signingLinkIn(invitationEmail!);
    const operator = campaign.operator(link);
    await openForm(operator);
    const form = await operator.readForm();
    const first = await operator.sign({ name: 'First Signer', title: 'Director' }, {}, form);
    expect(first.status).toBe(200);
    const second = await operator.sign({ name: 'Second Signer', title: 'Deputy' }, {}, form);
    expect(second.status).toBe(410);
    expect(await second.text()).toContain(el.problems.linkSigned.message);
    const reopened = await campaign.operator(link).open();
    expect(reopened.status).toBe(410);
    const signatures = (await auditEvents(campaign, admin, commitmentId)).filter((event) => event.type === 'SIGNED');
    expect(signatures).toHaveLength(1);
    const { commitment } = await campaign.api<{ commitment: { signature: { signerName: string } } }>(admin, 'GET', `/api/commitments/${commitmentId}`);
    expect(commitment.signature.signerName).toBe('First Signer');
  });

  it('sends a signature whose address is outside the registered domains to review, and an approval resumes it', async () => {
    const { campaign, admin, commitmentId, email } = await invitedCommitment({ emailDomains: ['other-authority.example'] });
    const [invitationEmail] = await campaign.waitForEmails(email, isEmailFor('invitation'));
    await campaign.signThroughLink(signingLinkIn(invitationEmail!), { name: 'Reviewed Signer', title: 'Head of unit' });
    await waitForState(campaign, admin, commitmentId, 'IN_REVIEW');
    const { commitment } = await campaign.api<{ commitment: { verification: { checks: { check: string; passed: boolean; detail: string }[] } } }>(admin, 'GET', `/api/commitments/${commitmentId}`);
    const failed = commitment.verification.checks.filter((check) => !check.passed);
    expect(failed.map((check) => check.check)).toEqual(['email-domain']);
    expect(failed[0]!.detail).toContain('not among the organisation’s registered domains');
    await campaign.api(admin, 'POST', `/api/commitments/${commitmentId}/review`, { decision: 'approve', reason: 'Confirmed by phone with the organisation' });
    await waitForState(campaign, admin, commitmentId, 'VERIFIED');
  });
});
