import * as z from '../domain/zod';
import { API_FUNCTIONS, ROUTES, routeScopes, type RouteSpec } from '../catalog';
import { ID_PATTERN } from '../domain/ids';
import { LINK_SECRET_PATTERN } from '../domain/hashing';
import { contractOf, type OperationContract } from './contract';

type JsonObject = Record<string, unknown>;

/** Request schemas as JSON Schema (2020-12, which OpenAPI 3.1 uses), as a client sends them. */
function jsonSchema(schema: z.ZodMiniType): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject;
  return rest;
}

const PATH_PARAMETER_PATTERNS: Readonly<Record<string, string>> = {
  declarationId: ID_PATTERN.source,
  commitmentId: ID_PATTERN.source,
  linkSecret: LINK_SECRET_PATTERN.source,
};

function pathParameters(path: string): JsonObject[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string', ...(PATH_PARAMETER_PATTERNS[name!] ? { pattern: PATH_PARAMETER_PATTERNS[name!] } : {}) },
  }));
}

function queryParameters(schema: z.ZodMiniType | undefined): JsonObject[] {
  if (!schema) return [];
  const object = jsonSchema(schema) as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: 'query', required: object.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest };
  });
}

const ERROR_RESPONSES = {
  400: { $ref: '#/components/responses/BadRequest' },
  401: { $ref: '#/components/responses/Unauthorized' },
  403: { $ref: '#/components/responses/Forbidden' },
  404: { $ref: '#/components/responses/NotFound' },
  409: { $ref: '#/components/responses/Conflict' },
};

/** Routes that are pages rather than JSON: described from the catalog alone. */
function pageContract(route: RouteSpec): OperationContract {
  const isSigning = route.path.startsWith('/sign/');
  return {
    tag: isSigning ? 'Signing' : route.path.startsWith('/api/') ? 'API' : 'Pages',
    summary: API_FUNCTIONS[route.functionId].description,
    responses: { 200: { description: 'An HTML page', mediaType: route.method === 'HEAD' ? undefined : 'text/html' } },
  };
}

function operation(route: RouteSpec): JsonObject {
  const contract = contractOf(`${route.method} ${route.path}`) ?? pageContract(route);
  const responses: JsonObject = {};
  for (const [status, answer] of Object.entries(contract.responses)) {
    responses[status] = { description: answer.description, ...(answer.mediaType ? { content: { [answer.mediaType]: { schema: answer.mediaType === 'application/json' ? { type: 'object' } : { type: 'string' } } } } : {}) };
  }
  const isProtected = route.access !== 'public';
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/\{(\w+)\}/g, 'By-$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase())}`,
    tags: [contract.tag],
    summary: contract.summary,
    ...(contract.description ? { description: contract.description } : {}),
    parameters: [...pathParameters(route.path), ...queryParameters(contract.query)],
    ...(contract.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(contract.body) } } } } : {}),
    responses: { ...responses, ...(contract.query || contract.body ? { 400: ERROR_RESPONSES[400] } : {}), ...(isProtected ? { 401: ERROR_RESPONSES[401], 403: ERROR_RESPONSES[403] } : {}) },
    // OpenAPI 3.1 lets a non-OAuth scheme name the roles a route needs: here the Cognito groups.
    security: isProtected ? [{ cognito: [...route.access] }] : [],
    'x-groups': isProtected ? [...route.access] : 'public',
    ...(isProtected ? { 'x-scopes': routeScopes(route.access) } : {}),
  };
}

/** The OpenAPI 3.1 document of every route of the catalog. */
export function openApiDocument(serverUrl?: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of ROUTES) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(route);
  }
  const fieldProblem = { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string', description: 'the path of the field in the request, e.g. texts.en.title' }, message: { type: 'string' } } };
  const errorBody = { type: 'object', required: ['message'], properties: { message: { type: 'string' }, code: { type: 'string' }, details: { type: 'array', items: { type: 'string' } }, fields: { type: 'array', items: fieldProblem, description: 'the problems of fields, each with its path, for a form to mark them' } } };
  const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  return {
    openapi: '3.1.0',
    info: {
      title: 'European Ports Alliance signing: admin and auditor API',
      version: '1.0.0',
      description: 'Every request is validated against the schemas below. Protected routes need a bearer access token from the Cognito user pool '
        + '(locally, from the development sign-in) carrying one of the route\'s scopes (`x-scopes`); `x-groups` names the groups allowed. '
        + 'An ID token is refused: it carries no scope.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: {
      securitySchemes: { cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A Cognito access token whose scope claim holds the API scope of the caller\'s group, and whose cognito:groups claim names that group' } },
      schemas: { Error: errorBody },
      responses: {
        BadRequest: errorResponse('The request is not valid; `details` names each problem in words, and `fields` gives the path of each field that has one'),
        Unauthorized: errorResponse('No token, or an expired or forged one'),
        Forbidden: errorResponse('The caller\'s group may not use this route'),
        NotFound: errorResponse('No such declaration, commitment or document'),
        Conflict: errorResponse('Not possible in the current state'),
      },
    },
  };
}
