/**
 * The one list of Lambda functions and HTTP routes. The CDK stacks deploy from it and the local
 * HTTP server routes from it, so a route cannot exist in one place and not the other.
 */

export const GROUPS = ['commission-admin', 'auditor'] as const;
export type Group = (typeof GROUPS)[number];

/** Who may call a route: anyone (the emailed link is the credential) or members of the listed groups. */
export type Access = 'public' | readonly Group[];

export const ADMIN_ONLY: Access = ['commission-admin'];
export const ADMIN_OR_AUDITOR: Access = ['commission-admin', 'auditor'];

export interface FunctionSpec {
  /** Source file exporting `handler`, relative to the repository root. */
  readonly entry: string;
  /** MiB; sealing renders fonts and needs more. */
  readonly memorySize?: number;
  readonly timeoutSeconds?: number;
  readonly description: string;
}

export const API_FUNCTIONS = {
  'create-declaration': {
    entry: 'functions/handlers/api/create-declaration.ts',
    description: 'Create a declaration with its text and the commitments of each category',
  },
  'list-declarations': {
    entry: 'functions/handlers/api/list-declarations.ts',
    description: 'List declarations',
  },
  'get-declaration-status': {
    entry: 'functions/handlers/api/get-declaration-status.ts',
    description: 'Counts by state, category and country, and the list of commitments',
  },
  'invite-organisations': {
    entry: 'functions/handlers/api/invite-organisations.ts',
    description: 'Invite one organisation or a batch and start one workflow execution each',
  },
  'get-commitment': {
    entry: 'functions/handlers/api/get-commitment.ts',
    description: 'One commitment with its audit trail',
  },
  'review-commitment': {
    entry: 'functions/handlers/api/review-commitment.ts',
    description: 'Approve or reject a commitment that automatic verification flagged',
  },
  'countersign-commitments': {
    entry: 'functions/handlers/api/countersign-commitments.ts',
    description: 'Countersign one commitment or many at once',
  },
  'revoke-commitment': {
    entry: 'functions/handlers/api/revoke-commitment.ts',
    description: 'Revoke an invitation that is still open',
  },
  'list-documents': {
    entry: 'functions/handlers/api/list-documents.ts',
    description: 'List sealed PDFs of a declaration',
  },
  'download-document': {
    entry: 'functions/handlers/api/download-document.ts',
    description: 'Download one sealed PDF, byte for byte as sealed',
  },
  'signing-page': {
    entry: 'functions/handlers/api/signing-page.ts',
    description: 'Show the declaration and the signing form reached from the emailed link (never changes anything)',
  },
  'submit-signature': {
    entry: 'functions/handlers/api/submit-signature.ts',
    description: 'Sign or decline through the emailed link',
  },
  'console-page': {
    entry: 'functions/handlers/api/console-page.ts',
    description: 'The admin and auditor console (static page; data comes from the JSON API)',
  },
} as const satisfies Record<string, FunctionSpec>;

export const TASK_FUNCTIONS = {
  'await-signature': {
    entry: 'functions/handlers/tasks/await-signature.ts',
    description: 'Park the workflow task token and send the invitation or a reminder',
  },
  'await-decision': {
    entry: 'functions/handlers/tasks/await-decision.ts',
    description: 'Park the workflow task token while an admin reviews or countersigns',
  },
  'verify-signature': {
    entry: 'functions/handlers/tasks/verify-signature.ts',
    description: 'Automatic checks on a signature',
  },
  'settle-timeout': {
    entry: 'functions/handlers/tasks/settle-timeout.ts',
    description: 'Close a wait that timed out, unless the user acted first',
  },
  'seal-certificate': {
    entry: 'functions/handlers/tasks/seal-certificate.ts',
    memorySize: 1024,
    timeoutSeconds: 60,
    description: 'Render the certificate PDF, seal it once and store it',
  },
  'deliver-certificate': {
    entry: 'functions/handlers/tasks/deliver-certificate.ts',
    timeoutSeconds: 30,
    description: 'Email the sealed PDF to the signatory',
  },
  'record-failure': {
    entry: 'functions/handlers/tasks/record-failure.ts',
    description: 'Record a failed step so that admins see it',
  },
} as const satisfies Record<string, FunctionSpec>;

export type ApiFunctionId = keyof typeof API_FUNCTIONS;
export type TaskFunctionId = keyof typeof TASK_FUNCTIONS;
export type FunctionId = ApiFunctionId | TaskFunctionId;

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';

export interface RouteSpec {
  readonly method: HttpMethod;
  /** API Gateway route path; `{name}` segments become `pathParameters.name`. */
  readonly path: string;
  readonly functionId: ApiFunctionId;
  readonly access: Access;
}

export const ROUTES: readonly RouteSpec[] = [
  { method: 'GET', path: '/', functionId: 'console-page', access: 'public' },
  { method: 'GET', path: '/console', functionId: 'console-page', access: 'public' },
  { method: 'POST', path: '/api/declarations', functionId: 'create-declaration', access: ADMIN_ONLY },
  { method: 'GET', path: '/api/declarations', functionId: 'list-declarations', access: ADMIN_OR_AUDITOR },
  { method: 'GET', path: '/api/declarations/{declarationId}', functionId: 'get-declaration-status', access: ADMIN_OR_AUDITOR },
  { method: 'POST', path: '/api/declarations/{declarationId}/invitations', functionId: 'invite-organisations', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/declarations/{declarationId}/countersignatures', functionId: 'countersign-commitments', access: ADMIN_ONLY },
  { method: 'GET', path: '/api/commitments/{commitmentId}', functionId: 'get-commitment', access: ADMIN_OR_AUDITOR },
  { method: 'POST', path: '/api/commitments/{commitmentId}/countersignature', functionId: 'countersign-commitments', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/commitments/{commitmentId}/review', functionId: 'review-commitment', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/commitments/{commitmentId}/revocation', functionId: 'revoke-commitment', access: ADMIN_ONLY },
  { method: 'GET', path: '/api/documents', functionId: 'list-documents', access: ADMIN_OR_AUDITOR },
  { method: 'GET', path: '/api/documents/{commitmentId}', functionId: 'download-document', access: ADMIN_OR_AUDITOR },
  { method: 'GET', path: '/sign/{linkSecret}', functionId: 'signing-page', access: 'public' },
  { method: 'HEAD', path: '/sign/{linkSecret}', functionId: 'signing-page', access: 'public' },
  { method: 'POST', path: '/sign/{linkSecret}', functionId: 'submit-signature', access: 'public' },
];

/** Environment variable names shared by the stacks, the local stack and the handlers. */
export const ENV = {
  tableName: 'TABLE_NAME',
  stateMachineArn: 'STATE_MACHINE_ARN',
  senderAddress: 'SENDER_ADDRESS',
  commissionContactAddress: 'COMMISSION_CONTACT_ADDRESS',
  appUrl: 'APP_URL',
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  sealKeySecretId: 'SEAL_KEY_SECRET_ID',
  linkValiditySeconds: 'LINK_VALIDITY_SECONDS',
  clientAddressHashKey: 'CLIENT_ADDRESS_HASH_KEY',
} as const;
