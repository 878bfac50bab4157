import { beforeAll, describe, expect, it } from 'vitest';
import { signingLinkIn, type CampaignClient } from '../../tools/campaign/campaign-client';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { publicationStatement } from '../../functions/domain/publication';
import { auditEvents, client, invitation, uniqueAddress } from '../support/campaign';
import { carriesSigningLink, stateOf, waitForAll } from '../support/flows';
import { invitedOperator, openForm } from '../support/signing';
import { messagesFor } from '../../templates/i18n';

interface Organisation {
  readonly name: string;
  readonly country: string;
  readonly category: 'customs' | 'port_authority' | 'private_operator';
  readonly contactName: string;
  readonly signer: string;
  readonly email: string;
  readonly flagged?: boolean;
  /** Signs with the publication box ticked. */
  readonly agrees: boolean;
  commitmentId?: string;
}

let campaign: CampaignClient;
let admin: string;
let declarationId: string;

const organisations: Record<'listed' | 'declined' | 'notComplete' | 'flagged', Organisation> = {
  listed: { name: 'O’Brien & Sons "Terminal" <Cork>', country: 'IE', category: 'private_operator', contactName: 'Siobhán Contact-Listed', signer: 'Eoin Signer-Listed', email: uniqueAddress('listed'), agrees: true },
  declined: { name: 'Hafen Privat GmbH', country: 'DE', category: 'port_authority', contactName: 'Jürgen Contact-Unlisted', signer: 'Jana Signer-Unlisted', email: uniqueAddress('unlisted'), agrees: false },
  notComplete: { name: 'Douane Pending', country: 'FR', category: 'customs', contactName: 'Camille Contact-Pending', signer: 'Luc Signer-Pending', email: uniqueAddress('pending'), agrees: true },
  flagged: { name: 'Flagged Harbour Board', country: 'NL', category: 'port_authority', contactName: 'Pieter Contact-Flagged', signer: 'Sanne Signer-Flagged', email: uniqueAddress('flagged'), agrees: true, flagged: true },
};

const registerPath = (id: string, query = '') => `${campaign.appUrl}/register/${id}${query}`;

async function signAs(organisation: Organisation): Promise<void> {
  const [mail] = await campaign.waitForEmails(organisation.email, carriesSigningLink);
  const response = await campaign.signThroughLink(signingLinkIn(mail!), { name: organisation.signer, title: 'Director' }, organisation.agrees ? { overrides: { publish: 'yes' } } : {});
  expect(response.status, organisation.name).toBe(200);
}

/**
 * One declaration with four organisations: two delivered (one agreed to be published, one did
 * not), one that agreed but is not countersigned, one that agreed but waits for review.
 */
beforeAll(async () => {
  campaign = client();
  admin = await campaign.token('commission-admin');
  declarationId = (await campaign.createDeclaration(admin, sampleDeclaration())).id;
  const all = Object.values(organisations);
  const invited = await campaign.invite(admin, declarationId, all.map((organisation) => invitation(organisation.email, {
    name: organisation.name, country: organisation.country, category: organisation.category, contactName: organisation.contactName,
    ...(organisation.flagged ? { emailDomains: ['elsewhere.example'] } : {}),
  }, 'en')));
  for (const organisation of all) organisation.commitmentId = invited.results.find((result) => result.email === organisation.email)!.commitmentId;
  await Promise.all(all.map(signAs));
  await waitForAll(campaign, admin, [organisations.listed, organisations.declined, organisations.notComplete].map((o) => o.commitmentId!), ['VERIFIED']);
  await waitForAll(campaign, admin, [organisations.flagged.commitmentId!], ['IN_REVIEW']);
  await campaign.api(admin, 'POST', `/api/declarations/${declarationId}/countersignatures`, { commitmentIds: [organisations.listed.commitmentId, organisations.declined.commitmentId] });
  await waitForAll(campaign, admin, [organisations.listed.commitmentId!, organisations.declined.commitmentId!], ['DELIVERED']);
}, 300_000);

describe('the public register of a declaration', () => {
  it('lists the delivered organisation that agreed, and never one that did not agree or is not complete', async () => {
    const response = await fetch(registerPath(declarationId));
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('1 organisation listed');
    expect(page).toContain('O’Brien &amp; Sons &quot;Terminal&quot; &lt;Cork&gt;');
    expect(page).toMatch(/<h2 id="country-IE">Ireland \(1\)<\/h2>\s*<h3>Private operator \(terminal, shipping line, logistics\) \(1\)<\/h3>/);
    for (const absent of [organisations.declined, organisations.notComplete, organisations.flagged]) expect(page, absent.name).not.toContain(absent.name);
  });

  it('shows no person’s name or email address, of any organisation', async () => {
    const page = await (await fetch(registerPath(declarationId))).text();
    for (const organisation of Object.values(organisations)) {
      for (const personal of [organisation.contactName, organisation.signer, organisation.email, organisation.email.split('@')[0]!]) expect(page).not.toContain(personal);
    }
    expect(page).not.toContain('@customs.gr.example');
    expect(page).not.toContain('cmt_');
  });

  it('records the agreement, as shown, in the signature and the audit trail, and only when given', async () => {
    type Detailed = { commitment: { signature: { publication?: { text: string; sha256: string; language: string } } }; events: { type: string; detail?: Record<string, unknown> }[] };
    const listed = await campaign.api<Detailed>(admin, 'GET', `/api/commitments/${organisations.listed.commitmentId}`);
    const statement = publicationStatement('en');
    expect(listed.commitment.signature.publication).toEqual({ text: statement.text, sha256: statement.sha256, language: 'en' });
    expect(listed.events.find((event) => event.type === 'SIGNED')?.detail).toMatchObject({ publication: { agreed: true, sha256: statement.sha256, language: 'en' } });
    expect(listed.events.find((event) => event.type === 'DELIVERED')?.detail).toMatchObject({ publishedInRegister: true });

    const unlisted = await campaign.api<Detailed>(admin, 'GET', `/api/commitments/${organisations.declined.commitmentId}`);
    expect(unlisted.commitment.signature.publication).toBeUndefined();
    expect(unlisted.events.find((event) => event.type === 'SIGNED')?.detail).toMatchObject({ publication: { agreed: false } });
    expect(unlisted.events.find((event) => event.type === 'DELIVERED')?.detail).not.toHaveProperty('publishedInRegister');
  });

  it('lists an organisation that agreed once it is delivered, and not before', async () => {
    const pending = organisations.notComplete;
    expect(await (await fetch(registerPath(declarationId))).text()).not.toContain(pending.name);
    await campaign.api(admin, 'POST', `/api/commitments/${pending.commitmentId}/countersignature`);
    await waitForAll(campaign, admin, [pending.commitmentId!], ['DELIVERED']);
    const page = await (await fetch(registerPath(declarationId, '?lang=fr'))).text();
    expect(page).toContain('2 organisations inscrites');
    expect(page).toContain('France (1)');
    expect(page).toContain(pending.name);
    expect((await auditEvents(campaign, admin, pending.commitmentId!)).filter((event) => event.type === 'DELIVERED')).toHaveLength(1);
  });

  it('answers as an operator page: no script, the operator policy, cacheable for five minutes', async () => {
    const response = await fetch(registerPath(declarationId));
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('script-src');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).not.toContain('<script');
  });

  it('answers 404 pages for a declaration that does not exist, a draft, or an address that is no id', async () => {
    const draft = await campaign.createDeclaration(admin, { ...sampleDeclaration(), draft: true });
    for (const path of ['/register/dcl_0000000000zzzzzzzzzzzzzzzz', `/register/${draft.id}`, '/register/not-an-id']) {
      const response = await fetch(`${campaign.appUrl}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(await response.text(), path).toContain('We have no public register at this address.');
    }
    const index = await (await fetch(`${campaign.appUrl}/register`)).text();
    expect(index).toContain(`href="/register/${declarationId}"`);
    expect(index).not.toContain(`href="/register/${draft.id}"`);
  });

  it('links the public check of the sealed joint declaration once it is made', async () => {
    expect(await (await fetch(registerPath(declarationId))).text()).toContain('The sealed joint declaration is made when the campaign closes.');
    await campaign.api(admin, 'POST', `/api/declarations/${declarationId}/closing`, {});
    await campaign.api(admin, 'POST', `/api/declarations/${declarationId}/joint-declaration`);
    const page = await (await fetch(registerPath(declarationId))).text();
    expect(page).toMatch(/The joint declaration was sealed on .+ with \d+ signatories\./);
    expect(page).toContain(`<a href="/verify/${declarationId}">Check the sealed joint declaration</a>`);
    expect((await fetch(`${campaign.appUrl}/verify/${declarationId}`)).status).toBe(200);
  });
});

describe('the agreement at signing', () => {
  it('shows the form again, signing nothing, when the agreement names a statement we never showed', async () => {
    const { campaign: operatorCampaign, admin: operatorAdmin, commitmentId, operator } = await invitedOperator({ language: 'en' });
    await openForm(operator);
    const form = await operator.readForm();
    expect(form.publicationSha256).toBe(publicationStatement('en').sha256);
    const outdated = await operator.sign({ name: 'Ana Signer', title: 'Director' }, { publish: 'yes', publicationSha256: 'c'.repeat(64) }, form);
    expect(outdated.status).toBe(400);
    const page = await outdated.text();
    expect(page).toContain(messagesFor('en').form.errorOutdated);
    expect(page).toMatch(/id="publish" name="publish" value="yes" checked/);
    expect(await stateOf(operatorCampaign, operatorAdmin, commitmentId)).toBe('INVITED');
    const signed = await operator.sign({ name: 'Ana Signer', title: 'Director' }, { publish: 'yes' }, await operator.readForm());
    expect(signed.status).toBe(200);
  });
});
