import { describe, expect, it } from 'vitest';
import * as z from '../../functions/domain/zod';
import { API_CONTRACT } from '../../functions/api/contract';
import { openApiDocument } from '../../functions/api/openapi';
import { ROUTES, routeScopes } from '../../functions/catalog';

type Operation = { security: Record<string, string[]>[]; requestBody?: { content: Record<string, { schema: Record<string, unknown> }> }; parameters: { name: string; in: string }[]; 'x-scopes'?: string[] };
const document = openApiDocument() as { openapi: string; paths: Record<string, Record<string, Operation>> };

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1', () => {
    expect(document.openapi).toBe('3.1.0');
  });

  it('describes every route of the catalog, with the groups allowed on it', () => {
    for (const route of ROUTES) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation!.security, `${route.method} ${route.path}`).toEqual(route.access === 'public' ? [] : [{ cognito: [...route.access] }]);
      expect(operation!['x-scopes'], `${route.method} ${route.path}`).toEqual(route.access === 'public' ? undefined : routeScopes(route.access));
      for (const [, name] of route.path.matchAll(/\{(\w+)\}/g)) expect(operation!.parameters).toContainEqual(expect.objectContaining({ name, in: 'path' }));
    }
  });

  it('has an explicit contract for every JSON route, and none for a route that does not exist', () => {
    const jsonRoutes = ROUTES.filter((route) => route.path.startsWith('/api/')).map((route) => `${route.method} ${route.path}`);
    expect(jsonRoutes.filter((key) => !(key in API_CONTRACT)), 'JSON routes without a contract in functions/api/contract.ts').toEqual([]);
    const routeKeys = new Set(ROUTES.map((route) => `${route.method} ${route.path}`));
    expect(Object.keys(API_CONTRACT).filter((key) => !routeKeys.has(key))).toEqual([]);
  });

  it('gives each request body the JSON Schema generated from the schema that validates it', () => {
    for (const [key, contract] of Object.entries(API_CONTRACT)) {
      const [method, path] = key.split(' ') as [string, string];
      const body = document.paths[path]![method.toLowerCase()]!.requestBody;
      if ('body' in contract) {
        const { $schema: _dialect, ...generated } = z.toJSONSchema(contract.body, { io: 'input', unrepresentable: 'any' });
        expect(body?.content['application/json']?.schema, key).toEqual(generated);
      }
      else expect(body, key).toBeUndefined();
    }
    const invite = document.paths['/api/declarations/{declarationId}/invitations']!.post!.requestBody!.content['application/json']!.schema as { properties: { invitations: { maxItems: number } } };
    expect(invite.properties.invitations.maxItems).toBe(5000);
  });

  it('lists the query parameters of the dashboard list', () => {
    const names = document.paths['/api/declarations/{declarationId}']!.get!.parameters.filter((p) => p.in === 'query').map((p) => p.name);
    expect(names).toEqual(['state', 'category', 'country', 'q', 'sort', 'order', 'page', 'pageSize']);
  });
});
