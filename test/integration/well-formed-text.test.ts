import { describe, expect, it } from 'vitest';
import { HttpError } from '../../tools/campaign/campaign-client';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { client, invitation, uniqueAddress } from '../support/campaign';

/** Ill-formed UTF-16 (a lone surrogate, which JSON carries as `\ud800`) is refused with a 400 that names the field, and nothing is stored. */

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as HttpError);

describe('ill-formed text over the API', () => {
  it('refuses a declaration whose title holds a lone surrogate, and stores nothing', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const declaration = sampleDeclaration();
    const title = `Lone \uD800 surrogate ${uniqueAddress()}`;

    const refused = await failure(campaign.api(admin, 'POST', '/api/declarations', { ...declaration, texts: { ...declaration.texts, en: { ...declaration.texts.en!, title } } }));

    expect(refused).toMatchObject({ status: 400 });
    expect(refused!.body).toMatch(/title holds a broken character/);
    const { declarations } = await campaign.api<{ declarations: { texts?: Record<string, { title: string }> }[] }>(admin, 'GET', '/api/declarations');
    expect(JSON.stringify(declarations)).not.toContain('Lone');
  });

  it('refuses an invitation whose organisation name holds one, and invites nobody', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const { id } = await campaign.createDeclaration(admin, sampleDeclaration());
    const good = invitation(uniqueAddress());
    const broken = { ...good, organisation: { ...good.organisation, name: 'Port \uDC00 Authority' } };

    const refused = await failure(campaign.invite(admin, id, [broken]));

    expect(refused).toMatchObject({ status: 400 });
    expect(refused!.body).toMatch(/organisation name holds a broken character/);
    const dashboard = await campaign.api<{ total: number }>(admin, 'GET', `/api/declarations/${id}`);
    expect(dashboard.total).toBe(0);
  });
});
