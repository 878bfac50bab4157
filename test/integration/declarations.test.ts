import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/aws-local';
import { HttpError } from '../../tools/campaign/campaign-client';
import { sampleDeclaration } from '../../tools/campaign/sample-declaration';
import { client, commitmentState, invitation, uniqueAddress, waitForState } from '../support/campaign';
import { localStack } from '../support/local-stack';

type Declaration = { id: string; status: string; deadline?: string; reminders: { automatic: boolean }; oneTimeCode: boolean; organisationDomains: { organisation: string; domains: string[] }[]; texts: Record<string, { title: string; sha256: string }> };
type Dashboard = { declaration: Declaration; total: number; byState: Record<string, number>; progress: { signed: number; awaitingSignature: number }; list: { matching: number; page: number; pages: number }; commitments: { id: string; organisation: string; state: string; country: string }[] };

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as HttpError);

describe('a declaration from draft to closed', () => {
  it('creates a draft that nobody can be invited to, edits it, opens it, and then refuses edits', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const draft = await campaign.api<Declaration>(admin, 'POST', '/api/declarations', { ...sampleDeclaration(), draft: true });
    expect(draft.status).toBe('DRAFT');
    expect(draft).toMatchObject({ reminders: { automatic: true }, oneTimeCode: true, organisationDomains: [] });

    const refused = await failure(campaign.invite(admin, draft.id, [invitation(uniqueAddress())]));
    expect(refused).toMatchObject({ status: 409 });
    expect(refused!.body).toContain('still a draft');

    const deadline = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
    const edited = await campaign.api<Declaration>(admin, 'PUT', `/api/declarations/${draft.id}`, {
      ...sampleDeclaration(),
      texts: { ...sampleDeclaration().texts, en: { title: 'Edited title', text: 'Edited text of the declaration.' } },
      deadline,
      reminders: { automatic: false },
      oneTimeCode: false,
      organisationDomains: [{ organisation: 'Λιμενικό Σώμα – Ελληνική Ακτοφυλακή', domains: ['customs.gr.example'] }],
    });
    expect(edited).toMatchObject({ id: draft.id, status: 'DRAFT', deadline, reminders: { automatic: false }, oneTimeCode: false });
    expect(edited.texts.en!.title).toBe('Edited title');

    const opened = await campaign.api<Declaration>(admin, 'POST', `/api/declarations/${draft.id}/opening`);
    expect(opened.status).toBe('OPEN');
    expect((await failure(campaign.api(admin, 'PUT', `/api/declarations/${draft.id}`, sampleDeclaration())))).toMatchObject({ status: 409 });

    // The organisation's registered domains come from the declaration when the invitation names none.
    const invited = await campaign.invite(admin, draft.id, [invitation(uniqueAddress(), { emailDomains: [] })]);
    const { commitment } = await campaign.api<{ commitment: { organisation: { emailDomains: string[] } } }>(admin, 'GET', `/api/commitments/${invited.results[0]!.commitmentId}`);
    expect(commitment.organisation.emailDomains).toEqual(['customs.gr.example']);
  });

  it('refuses a deadline in the past and a default language without a text, naming each', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const error = await failure(campaign.api(admin, 'POST', '/api/declarations', { ...sampleDeclaration({ languages: ['en', 'fr'] }), defaultLanguage: 'de', deadline: '2001-01-01T00:00:00Z' }));
    expect(error?.status).toBe(400);
    const details = (JSON.parse(error!.body) as { details: string[] }).details;
    expect(details).toEqual(expect.arrayContaining(['Deadline: it must be in the future', 'Default language: German (de) has no version below: write one, or choose one of the languages below']));
  });

  it('saves a draft with fields still empty, refuses to open it naming every missing piece, and opens it once complete', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const complete = sampleDeclaration();
    const partial = {
      draft: true,
      texts: { en: { title: 'A draft begun', text: '' } },
      commitments: { law_enforcement: [], customs: [{ text: 'Scan high-risk containers.' }, { text: '' }], port_authority: [], private_operator: [], eu_agency: [] },
    };
    const draft = await campaign.api<Declaration>(admin, 'POST', '/api/declarations', partial);
    expect(draft.status).toBe('DRAFT');
    const saved = await campaign.api<Declaration>(admin, 'PUT', `/api/declarations/${draft.id}`, { ...partial, draft: undefined, texts: { en: { title: 'A draft begun', text: 'We commit.' }, fr: { title: '', text: '' } } });
    expect(Object.keys(saved.texts)).toEqual(['en', 'fr']);

    const refused = await failure(campaign.api(admin, 'POST', `/api/declarations/${draft.id}/opening`));
    expect(refused?.status).toBe(409);
    const body = JSON.parse(refused!.body) as { message: string; details: string[]; fields: { field: string; message: string }[] };
    expect(body.message).toMatch(/cannot be opened for signing yet/);
    expect(body.details).toEqual([
      'French version: the title is missing',
      'French version: the text is missing',
      'Law enforcement: add at least one commitment',
      'Customs authority, commitment 1: the French text is missing',
      'Customs authority, commitment 2: the English text is missing',
      'Customs authority, commitment 2: the French text is missing',
      'Port authority (public operator): add at least one commitment',
      'Private operator (terminal, shipping line, logistics): add at least one commitment',
      'EU agency: add at least one commitment',
    ]);
    expect(body.fields.map((field) => field.field)).toEqual(['texts.fr.title', 'texts.fr.text', 'commitments.law_enforcement', 'commitments.customs.0.texts.fr', 'commitments.customs.1.text', 'commitments.customs.1.texts.fr', 'commitments.port_authority', 'commitments.private_operator', 'commitments.eu_agency']);
    const stillDraft = await campaign.api<Dashboard>(admin, 'GET', `/api/declarations/${draft.id}?pageSize=1`);
    expect(stillDraft.declaration.status).toBe('DRAFT');

    // Creating and opening at once is refused the same way, and stores nothing.
    const { draft: _draft, ...openAtOnce } = partial;
    const refusedAtOnce = await failure(campaign.api(admin, 'POST', '/api/declarations', { ...openAtOnce, texts: { en: { title: `Opened too soon ${uniqueAddress('soon')}`, text: '' } } }));
    expect(refusedAtOnce?.status).toBe(400);
    expect((JSON.parse(refusedAtOnce!.body) as { details: string[] }).details[0]).toBe('English version: the text is missing');

    await campaign.api(admin, 'PUT', `/api/declarations/${draft.id}`, complete);
    const opened = await campaign.api<Declaration>(admin, 'POST', `/api/declarations/${draft.id}/opening`);
    expect(opened.status).toBe('OPEN');
  });

  it('closes for signing: invitations still awaiting a signature are revoked and no one more can be invited', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const { id } = await campaign.createDeclaration(admin, sampleDeclaration());
    const invited = await campaign.invite(admin, id, [invitation(uniqueAddress()), invitation(uniqueAddress())]);
    const closed = await campaign.api<{ declaration: Declaration; revoked: number }>(admin, 'POST', `/api/declarations/${id}/closing`);
    expect(closed.declaration.status).toBe('CLOSED');
    expect(closed.revoked).toBe(2);
    for (const result of invited.results) expect(await commitmentState(campaign, admin, result.commitmentId)).toBe('REVOKED');
    expect(await failure(campaign.invite(admin, id, [invitation(uniqueAddress())]))).toMatchObject({ status: 409 });
    const again = await campaign.api<{ revoked: number }>(admin, 'POST', `/api/declarations/${id}/closing`);
    expect(again.revoked).toBe(0);
  });
});

describe('the dashboard list', () => {
  it('filters, searches, sorts and pages on the server, while the counts cover everything', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const { id } = await campaign.createDeclaration(admin, sampleDeclaration());
    await campaign.invite(admin, id, [
      invitation(uniqueAddress('a'), { name: 'Zeebrugge Port Authority', country: 'BE', category: 'port_authority' }),
      invitation(uniqueAddress('b'), { name: 'Autorité portuaire de Marseille', country: 'FR', category: 'port_authority' }),
      invitation(uniqueAddress('c'), { name: 'Λιμενικό Σώμα', country: 'GR' }),
      invitation(uniqueAddress('d'), { name: 'Pristanišna uprava Koper', country: 'SI', category: 'port_authority' }),
    ]);
    const base = `/api/declarations/${id}`;
    const ports = await campaign.api<Dashboard>(admin, 'GET', `${base}?category=port_authority&sort=organisation&order=desc&pageSize=2&page=1`);
    expect(ports.total).toBe(4);
    expect(ports.list).toMatchObject({ matching: 3, page: 1, pages: 2 });
    expect(ports.commitments.map((row) => row.organisation)).toEqual(['Zeebrugge Port Authority', 'Pristanišna uprava Koper']);
    const second = await campaign.api<Dashboard>(admin, 'GET', `${base}?category=port_authority&sort=organisation&order=desc&pageSize=2&page=2`);
    expect(second.commitments.map((row) => row.organisation)).toEqual(['Autorité portuaire de Marseille']);
    const searched = await campaign.api<Dashboard>(admin, 'GET', `${base}?q=autorite%20MARSEILLE`);
    expect(searched.commitments.map((row) => row.country)).toEqual(['FR']);
    const byCountry = await campaign.api<Dashboard>(admin, 'GET', `${base}?country=GR,SI&state=INVITED`);
    expect(byCountry.commitments.map((row) => row.country).sort()).toEqual(['GR', 'SI']);
    expect(byCountry.progress.awaitingSignature).toBe(4);
  });

  it('refuses unknown or bad query parameters, naming them', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const { id } = await campaign.createDeclaration(admin, sampleDeclaration());
    const error = await failure(campaign.api(admin, 'GET', `/api/declarations/${id}?state=SIGNEDD&pageSize=0&colour=blue`));
    expect(error?.status).toBe(400);
    expect(error!.body).toMatch(/state must be among/);
    expect(error!.body).toMatch(/pageSize/);
    expect(error!.body).toMatch(/colour/);
  });

  it('exports the filtered list as CSV that a spreadsheet opens safely', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const auditor = await campaign.token('auditor');
    const { id } = await campaign.createDeclaration(admin, sampleDeclaration());
    await campaign.invite(admin, id, [
      invitation(uniqueAddress('x'), { name: '=HYPERLINK("http://evil.example")', country: 'BE' }),
      invitation(uniqueAddress('y'), { name: 'Ελληνική Ακτοφυλακή, Πειραιάς', country: 'GR' }),
    ]);
    const response = await fetch(`${campaign.appUrl}/api/declarations/${id}/commitments.csv?sort=country`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^commitment_id,organisation,category,country,email/);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(lines[2]).toContain('"Ελληνική Ακτοφυλακή, Πειραιάς"');
    expect(lines).toHaveLength(3);
  });
});

describe('countersigning in bulk', () => {
  it('reports what it did for each commitment', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const { id } = await campaign.createDeclaration(admin, sampleDeclaration());
    const invited = await campaign.invite(admin, id, [invitation(uniqueAddress())]);
    const commitmentId = invited.results[0]!.commitmentId;
    await waitForState(campaign, admin, commitmentId, 'INVITED');
    const result = await campaign.api<{ notReady: number; notFound: number; results: { commitmentId: string; result: string }[] }>(admin, 'POST', `/api/declarations/${id}/countersignatures`, {
      commitmentIds: [commitmentId, 'cmt_0000000000zzzzzzzzzzzzzzzz'],
    });
    expect(result).toMatchObject({ notReady: 1, notFound: 1 });
    expect(result.results.map((r) => [r.commitmentId, r.result])).toEqual([[commitmentId, 'not-ready'], ['cmt_0000000000zzzzzzzzzzzzzzzz', 'not-found']]);
  });
});

describe('how a declaration is stored', () => {
  const db = () => DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: localStack().urls.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
  const partition = async (declarationId: string) => (await db().send(new QueryCommand({
    TableName: localStack().aws.tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :record)',
    ExpressionAttributeValues: { ':pk': `DECL#${declarationId}`, ':record': 'DECLARATION' },
  }))).Items ?? [];
  const bytes = (item: Record<string, unknown>) => Buffer.byteLength(JSON.stringify(item));

  it('keeps the texts and clauses out of the indexed record, which stays small through draft, edit and opening', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const draft = await campaign.api<Declaration>(admin, 'POST', '/api/declarations', { ...sampleDeclaration(), draft: true });
    const title = `Stored apart ${uniqueAddress('title')}`;
    await campaign.api(admin, 'PUT', `/api/declarations/${draft.id}`, { ...sampleDeclaration(), texts: { ...sampleDeclaration().texts, en: { ...sampleDeclaration().texts.en!, title } } });
    await campaign.api(admin, 'POST', `/api/declarations/${draft.id}/opening`);
    const items = await partition(draft.id);
    const record = items.find((item) => item.SK === 'DECLARATION')!;
    const content = items.find((item) => item.SK === 'DECLARATION#CONTENT')!;
    expect(record).toMatchObject({ GSI1PK: 'DECLARATIONS', status: 'OPEN', title });
    expect(record).not.toHaveProperty('texts');
    expect(record).not.toHaveProperty('commitments');
    expect(content).not.toHaveProperty('GSI1PK');
    expect(Object.keys(content.texts as object).length).toBeGreaterThan(1);
    expect(bytes(record)).toBeLessThan(2_048);
    expect(bytes(content)).toBeGreaterThan(10 * bytes(record));

    const read = await campaign.api<Dashboard>(admin, 'GET', `/api/declarations/${draft.id}?pageSize=1`);
    expect(read.declaration.texts.en!.title).toBe(title);
    const { declarations } = await campaign.api<{ declarations: { id: string; title: string; status: string }[] }>(admin, 'GET', '/api/declarations');
    expect(declarations.find((listed) => listed.id === draft.id)).toMatchObject({ title, status: 'OPEN' });
  });

  it('reads, lists and edits a declaration stored whole in one item, as it was before the split', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    const created = await campaign.api<Declaration>(admin, 'POST', '/api/declarations', { ...sampleDeclaration(), draft: true });
    const stored = await partition(created.id);
    const content = stored.find((item) => item.SK === 'DECLARATION#CONTENT')!;
    const { title: _title, ...record } = stored.find((item) => item.SK === 'DECLARATION')!;
    const whole = { ...record, texts: content.texts, commitments: content.commitments };
    await db().send(new PutCommand({ TableName: localStack().aws.tableName, Item: whole }));
    await db().send(new DeleteCommand({ TableName: localStack().aws.tableName, Key: { PK: `DECL#${created.id}`, SK: 'DECLARATION#CONTENT' } }));

    const read = await campaign.api<Dashboard>(admin, 'GET', `/api/declarations/${created.id}?pageSize=1`);
    expect(read.declaration.texts).toEqual(created.texts);
    const listed = (await campaign.api<{ declarations: { id: string; title: string }[] }>(admin, 'GET', '/api/declarations')).declarations.find((entry) => entry.id === created.id);
    expect(listed?.title).toBe(created.texts.en!.title);

    // Saving the draft stores it the new way.
    await campaign.api(admin, 'PUT', `/api/declarations/${created.id}`, sampleDeclaration());
    const items = await partition(created.id);
    expect(items.find((item) => item.SK === 'DECLARATION')).not.toHaveProperty('texts');
    expect(items.find((item) => item.SK === 'DECLARATION#CONTENT')).toHaveProperty('texts');
  });
});
