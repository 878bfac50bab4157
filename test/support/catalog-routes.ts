/** Calling any route of the catalog with well-formed ids that name nothing, for the tests that walk every route. */
import type { RouteSpec } from '../../functions/catalog';

const PLACEHOLDERS: Readonly<Record<string, string>> = {
  declarationId: 'dcl_0000000000zzzzzzzzzzzzzzzz',
  commitmentId: 'cmt_0000000000zzzzzzzzzzzzzzzz',
  documentId: 'cmt_0000000000zzzzzzzzzzzzzzzz',
  exportId: 'exp_0000000000zzzzzzzzzzzzzzzz',
  linkSecret: 'A'.repeat(43),
};

/** One request to `route` (an empty JSON body for POST and PUT), with the bearer token when given; redirects are not followed. */
export function callRoute(appUrl: string, route: RouteSpec, bearer?: string): Promise<Response> {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => PLACEHOLDERS[name] ?? 'x');
  const hasBody = route.method === 'POST' || route.method === 'PUT';
  return fetch(`${appUrl}${path}`, {
    method: route.method,
    redirect: 'manual',
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    body: hasBody ? '{}' : undefined,
  });
}
