import { describe, expect, it } from 'vitest';
import { API_CONTRACT } from '../../functions/api/contract';
import { openApiDocument } from '../../functions/api/openapi';
import { client } from '../support/campaign';

const PLACEHOLDER_ID = 'dcl_0000000000zzzzzzzzzzzzzzzz';

describe('the API description', () => {
  it('is served to signed-in users at /api/openapi.json, exactly as generated from the schemas', async () => {
    const campaign = client();
    const auditor = await campaign.token('auditor');
    expect((await fetch(`${campaign.appUrl}/api/openapi.json`)).status).toBe(401);
    expect(await campaign.api(auditor, 'GET', '/api/openapi.json')).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it('validates every request body against its schema: a wrong body is refused with a reason per field', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    for (const [key, contract] of Object.entries(API_CONTRACT)) {
      if (!('body' in contract)) continue;
      const [method, path] = key.split(' ') as [string, string];
      const url = `${campaign.appUrl}${path.replace(/\{\w+\}/g, PLACEHOLDER_ID.replace('dcl_', path.includes('{commitmentId}') ? 'cmt_' : 'dcl_'))}`;
      const response = await fetch(url, { method, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ unexpected: 1 }) });
      expect(response.status, key).toBe(400);
      const body = (await response.json()) as { code: string; details: string[] };
      expect(body.code, key).toBe('INVALID_INPUT');
      expect(body.details.length, key).toBeGreaterThan(0);
    }
  });

  it('validates every query string against its schema: an unknown parameter is refused by name', async () => {
    const campaign = client();
    const admin = await campaign.token('commission-admin');
    for (const [key, contract] of Object.entries(API_CONTRACT)) {
      if (!('query' in contract)) continue;
      const [method, path] = key.split(' ') as [string, string];
      const response = await fetch(`${campaign.appUrl}${path.replace(/\{\w+\}/g, PLACEHOLDER_ID)}?declarationId=${PLACEHOLDER_ID}&bogus=1`, { method, headers: { authorization: `Bearer ${admin}` } });
      expect(response.status, key).toBe(400);
      expect(JSON.stringify(await response.json()), key).toContain('bogus');
    }
  });
});
