import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { HttpError, isEmailFor, signingLinkIn, waitFor, type CampaignClient, type MailboxEmail } from '../../tools/campaign/campaign-client';
import type { InvitationInput } from '../../functions/domain/commitment';
import { invitation, uniqueAddress } from './campaign';
import { WORKFLOW_TIMEOUT_MS } from './workflow-time';

/** Steps of a campaign that several tests take, on any local stack (shared or their own). */


/** An email with a signing link: the invitation, a reminder, or a new link an admin sent. */
export const carriesSigningLink = isEmailFor('invitation', 'reminder', 'new-link');

export interface InvitedMany {
  readonly declarationId: string;
  readonly commitments: readonly { readonly commitmentId: string; readonly email: string }[];
}

/** A fresh declaration with `count` organisations invited in one request. */
export async function inviteMany(campaign: CampaignClient, admin: string, count: number, name = 'signer'): Promise<InvitedMany> {
  const declaration = await campaign.createDeclaration(admin, sampleDeclaration());
  const emails = Array.from({ length: count }, () => uniqueAddress(name));
  const invited = await campaign.invite(admin, declaration.id, emails.map((email) => invitation(email)));
  return { declarationId: declaration.id, commitments: invited.results.map((result) => ({ commitmentId: result.commitmentId, email: result.email })) };
}

/** Opens each organisation's emailed link and signs, as its contact would. */
export async function signEach(campaign: CampaignClient, emails: readonly string[], timeoutMs = WORKFLOW_TIMEOUT_MS): Promise<void> {
  await Promise.all(emails.map(async (email, index) => {
    const [mail] = await campaign.waitForEmails(email, carriesSigningLink, 1, timeoutMs);
    const response = await campaign.signThroughLink(signingLinkIn(mail!), { name: `Signer ${index + 1}`, title: 'Director' });
    if (response.status !== 200) throw new Error(`signing as ${email} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  }));
}

export async function stateOf(campaign: CampaignClient, admin: string, commitmentId: string): Promise<string> {
  return (await campaign.api<{ commitment: { state: string } }>(admin, 'GET', `/api/commitments/${commitmentId}`)).commitment.state;
}

/** Waits until every commitment is in one of `states`; a 5xx (an outage a test caused) means "not yet". */
export async function waitForAll(campaign: CampaignClient, admin: string, commitmentIds: readonly string[], states: readonly string[], timeoutMs = WORKFLOW_TIMEOUT_MS): Promise<void> {
  await waitFor(async () => {
    try {
      const current = await Promise.all(commitmentIds.map((id) => stateOf(campaign, admin, id)));
      return current.every((state) => states.includes(state)) ? true : undefined;
    } catch (error) {
      if (error instanceof HttpError && error.status >= 500) return undefined;
      throw error;
    }
  }, timeoutMs, `${commitmentIds.length} commitment(s) to be ${states.join(' or ')}`, 250);
}

/** How many emails went to `address` that match. */
export async function countEmails(campaign: CampaignClient, address: string, match: (mail: MailboxEmail) => boolean = () => true): Promise<number> {
  return (await campaign.mailbox()).filter((mail) => mail.destination.to.some((to) => to.includes(address)) && match(mail)).length;
}

/** The email with the sealed PDF. */
export const isDelivery = (mail: MailboxEmail) => isEmailFor('delivery')(mail) && mail.attachments.some((file) => file.contentType === 'application/pdf');

/** A token for a named admin, so that two admins can be told apart in the record. */
export async function adminToken(campaign: CampaignClient, name: string): Promise<string> {
  const response = await fetch(`${campaign.appUrl}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ group: 'commission-admin', name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@ec.example.eu` }),
  });
  return ((await response.json()) as { token: string }).token;
}

/**
 * A declaration (one-time code off) whose organisations (the default one for each `undefined`, else
 * the organisation overrides given) are signed, countersigned, sealed and delivered.
 */
export async function deliveredDeclaration(campaign: CampaignClient, admin: string, tag: string, organisations: readonly (Partial<InvitationInput['organisation']> | undefined)[]): Promise<{ declarationId: string; commitmentIds: string[] }> {
  const { id } = await campaign.api<{ id: string }>(admin, 'POST', '/api/declarations', { ...sampleDeclaration(), oneTimeCode: false });
  const emails = organisations.map(() => uniqueAddress(tag));
  const invited = await campaign.invite(admin, id, organisations.map((organisation, index) => invitation(emails[index]!, organisation)));
  const commitmentIds = invited.results.map((result) => result.commitmentId);
  await signEach(campaign, emails);
  await waitForAll(campaign, admin, commitmentIds, ['VERIFIED']);
  await campaign.countersignAllVerified(admin, id);
  await waitForAll(campaign, admin, commitmentIds, ['DELIVERED']);
  return { declarationId: id, commitmentIds };
}
