import { describe, expect, it } from 'vitest';
import { HttpError } from '../../tools/campaign/campaign-client';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { client, invitation, uniqueAddress } from '../support/campaign';

describe('the admin and auditor API', () => {
  it('refuses a missing or forged token with 401 and the wrong group with 403', async () => {
    const campaign = client();
    const noToken = await fetch(`${campaign.appUrl}/api/declarations`);
    expect(noToken.status).toBe(401);
    const admin = await campaign.token('commission-admin');
    const forged = `${admin.slice(0, -4)}AAAA`;
    await expect(campaign.api(forged, 'GET', '/api/declarations')).rejects.toMatchObject({ status: 401 });
    const auditor = await campaign.token('auditor');
    await expect(campaign.createDeclaration(auditor, sampleDeclaration())).rejects.toMatchObject({ status: 403 });
    await expect(campaign.api(auditor, 'GET', '/api/declarations')).resolves.toHaveProperty('declarations');
  });

  it('rejects a declaration that lacks a category with a message naming it, and stores nothing', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const declaration = sampleDeclaration();
    // A title of its own: other tests create declarations on the same stack meanwhile.
    const title = `Refused for lack of a category ${uniqueAddress('refused')}`;
    const { eu_agency: _omitted, ...commitments } = declaration.commitments;
    const texts = { ...declaration.texts, en: { ...declaration.texts.en!, title } };
    const error = await campaign.createDeclaration(admin, { ...declaration, texts, commitments } as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
    expect((error as HttpError).body).toContain('commitments.eu_agency');
    // The same declaration with the category is stored and listed: the list below is one that shows what was stored.
    const acceptedTitle = `Accepted with every category ${uniqueAddress('accepted')}`;
    await campaign.createDeclaration(admin, { ...declaration, texts: { ...declaration.texts, en: { ...declaration.texts.en!, title: acceptedTitle } } });
    const after = await campaign.api<{ declarations: { title: string }[] }>(admin, 'GET', '/api/declarations');
    expect(after.declarations.filter((listed) => listed.title === acceptedTitle)).toHaveLength(1);
    expect(after.declarations.filter((listed) => listed.title === title)).toEqual([]);
  });

  it('invites a batch once: repeating it returns the same commitments, and the status counts them', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const { id } = await campaign.createDeclaration(admin, sampleDeclaration());
    const batch = [
      invitation(uniqueAddress('a')),
      invitation(uniqueAddress('b'), { category: 'port_authority', country: 'BG', name: 'Пристанище Варна' }),
      invitation(uniqueAddress('c'), { category: 'private_operator', country: 'PL', name: 'Bałtycki Terminal Kontenerowy' }),
    ];
    const first = await campaign.invite(admin, id, batch);
    expect(first.invited).toBe(3);
    const again = await campaign.invite(admin, id, batch);
    expect(again.invited).toBe(0);
    expect(again.results.map((result) => result.commitmentId)).toEqual(first.results.map((result) => result.commitmentId));
    const status = await campaign.api<{ total: number; byCategory: Record<string, number>; byCountry: Record<string, number> }>(admin, 'GET', `/api/declarations/${id}`);
    expect(status.total).toBe(3);
    expect(status.byCategory).toMatchObject({ customs: 1, port_authority: 1, private_operator: 1, law_enforcement: 0, eu_agency: 0 });
    expect(status.byCountry).toEqual({ GR: 1, BG: 1, PL: 1 });
  });

  it('reports each bad invitation row by its position', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const { id } = await campaign.createDeclaration(admin, sampleDeclaration());
    const good = invitation(uniqueAddress());
    const bad = invitation('not-an-address', { country: 'Greece' });
    const error = (await campaign.invite(admin, id, [good, bad]).catch((caught: unknown) => caught)) as HttpError;
    expect(error.status).toBe(400);
    const body = JSON.parse(error.body) as { details: string[] };
    expect(body.details).toEqual(expect.arrayContaining([expect.stringMatching(/^invitations\.1\.organisation\.email/), expect.stringMatching(/^invitations\.1\.organisation\.country/)]));
    const status = await campaign.api<{ total: number }>(admin, 'GET', `/api/declarations/${id}`);
    expect(status.total).toBe(0);
  });
});
