import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/catalog';
import { httpHandler } from '../../functions/shared/api-handler';
import { json } from '../../functions/shared/http';
import { decodePathSegment, PATH_PARAMETER_RULES } from '../../functions/shared/path-parameters';
import { matchRoute } from '../../infra/local/http-api';

/** What a path parameter may arrive as when its address was not one of ours. */
const NOT_OURS = ['%ZZ', '%E0%A4%A', '%', 'cmt_%2F..', '../etc', 'a b', 'x'.repeat(3000), ''];
const routesWithParameters = ROUTES.filter((route) => route.path.includes('{'));
const parameterNames = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);

function eventFor(route: (typeof ROUTES)[number], value: string): APIGatewayProxyEventV2 {
  const pathParameters = Object.fromEntries(parameterNames(route.path).map((name) => [name, value]));
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: route.path,
    rawQueryString: '',
    headers: {},
    pathParameters,
    isBase64Encoded: false,
    // No caller: the refusal must come before the access rule is even looked at.
    requestContext: { http: { method: route.method, path: route.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: '' }, requestId: 'r', routeKey: `${route.method} ${route.path}` },
  } as unknown as APIGatewayProxyEventV2;
}

describe('path parameters that cannot be ours', () => {
  it('every parameter of every catalog route has its own rule', () => {
    const names = new Set(routesWithParameters.flatMap((route) => parameterNames(route.path)));
    expect([...names].filter((name) => !Object.hasOwn(PATH_PARAMETER_RULES, name))).toEqual([]);
  });

  it('are refused by the handlers\' frame as an unknown id, on every route, before any other work', async () => {
    for (const route of routesWithParameters) {
      for (const value of NOT_OURS) {
        let reached = false;
        const handler = httpHandler(async () => {
          reached = true;
          return json(200, {});
        });
        const answer = await handler(eventFor(route, value));
        const status = typeof answer === 'object' && answer && 'statusCode' in answer ? answer.statusCode : undefined;
        expect([400, 404], `${route.method} ${route.path} with ${value.slice(0, 20)}`).toContain(status);
        expect(reached).toBe(false);
      }
    }
  });

  it('decodes a well-formed segment and reports a malformed one', () => {
    expect(decodePathSegment('cmt_01jd%5F')).toBe('cmt_01jd_');
    expect(decodePathSegment('%ZZ')).toBeUndefined();
    expect(decodePathSegment('%E0%A4%A')).toBeUndefined();
  });

  it('are matched by the local HTTP API to their route, handed on still encoded and marked malformed', () => {
    const matched = matchRoute('GET', '/api/commitments/%E0%A4%A');
    expect(matched?.route.spec.functionId).toBe('get-commitment');
    expect(matched?.pathParameters).toEqual({ commitmentId: '%E0%A4%A' });
    expect(matched?.malformed).toBe(true);
    expect(matchRoute('GET', '/sign/%ZZ')?.malformed).toBe(true);
    expect(matchRoute('GET', '/verify/cmt_01jd')?.malformed).toBe(false);
  });
});
