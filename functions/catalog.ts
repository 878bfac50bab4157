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
    description: 'Counts by state, category and country, progress, signatures over time, and a filtered, sorted page of commitments',
  },
  'update-declaration': {
    entry: 'functions/handlers/api/update-declaration.ts',
    description: 'Edit a draft declaration',
  },
  'open-declaration': {
    entry: 'functions/handlers/api/open-declaration.ts',
    description: 'Open a draft declaration for signing',
  },
  'close-declaration': {
    entry: 'functions/handlers/api/close-declaration.ts',
    // Revokes every invitation still awaiting a signature: thousands at 16 in flight.
    timeoutSeconds: 120,
    description: 'Close a declaration for signing and revoke the invitations still awaiting a signature',
  },
  'invite-organisations': {
    entry: 'functions/handlers/api/invite-organisations.ts',
    // A full file of 5,000 rows in one request took 120 s on a loaded local stack (`npm run bench:import`):
    // API Gateway stops waiting after 30 s but the function finishes, and repeating it invites nobody twice.
    // The console sends slices of 500 rows, each well within the 30 s.
    memorySize: 512,
    timeoutSeconds: 300,
    description: 'Invite one organisation or a batch (JSON or a CSV file) and start one workflow execution each',
  },
  'send-reminders': {
    entry: 'functions/handlers/api/send-reminders.ts',
    timeoutSeconds: 120,
    description: 'Remind one organisation or many now, each with a fresh link, once per click',
  },
  'export-commitments': {
    entry: 'functions/handlers/api/export-commitments.ts',
    timeoutSeconds: 30,
    description: 'Export the tracking list of a declaration as CSV',
  },
  'export-audit-trail': {
    entry: 'functions/handlers/api/export-audit-trail.ts',
    timeoutSeconds: 30,
    description: 'Export the audit trail of a declaration as JSON Lines, each event chained to the one before by its hash',
  },
  'openapi-document': {
    entry: 'functions/handlers/api/openapi-document.ts',
    description: 'The OpenAPI 3.1 description of the JSON API, generated from the request schemas',
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
    // "All verified" may be thousands; each is a transaction and a task callback.
    timeoutSeconds: 120,
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
  'generate-joint-declaration': {
    entry: 'functions/handlers/api/generate-joint-declaration.ts',
    // Renders and seals an annex of up to thousands of signatories within API Gateway's 30 seconds.
    memorySize: 2048,
    timeoutSeconds: 29,
    description: 'Make the sealed joint declaration of a closed declaration, with the annex of its signatories',
  },
  'download-joint-declaration': {
    entry: 'functions/handlers/api/download-joint-declaration.ts',
    description: 'Download the sealed joint declaration, byte for byte as sealed',
  },
  'verify-document': {
    entry: 'functions/handlers/api/verify-document.ts',
    description: 'Public check of a PDF or its SHA-256: issued by us, for whom, when, revoked or not',
  },
  'signing-page': {
    entry: 'functions/handlers/api/signing-page.ts',
    description: 'The landing page of the emailed link (never changes anything: mail scanners open every link)',
  },
  'open-signing-session': {
    entry: 'functions/handlers/api/open-signing-session.ts',
    description: 'Exchange the emailed link for a short signing session, record "viewed" and email the one-time code',
  },
  'signing-form': {
    entry: 'functions/handlers/api/signing-form.ts',
    description: 'Under a signing session: the one-time code step, then the declaration and the form to sign or decline',
  },
  'check-signing-code': {
    entry: 'functions/handlers/api/check-signing-code.ts',
    description: 'Check the one-time code a signer entered; five wrong ones lock the link',
  },
  'send-signing-code': {
    entry: 'functions/handlers/api/send-signing-code.ts',
    description: 'Email a new one-time code to the invited address',
  },
  'submit-signature': {
    entry: 'functions/handlers/api/submit-signature.ts',
    description: 'Sign or decline: the final POST of a signing session',
  },
  'resend-signing-link': {
    entry: 'functions/handlers/api/resend-signing-link.ts',
    description: 'Email a new signing link to an organisation and unlock a link locked by wrong codes',
  },
  'console-page': {
    entry: 'functions/handlers/api/console-page.ts',
    description: 'The admin and auditor console pages (no data: their script calls the JSON API with the signed-in user\'s token)',
  },
  'correct-contact': {
    entry: 'functions/handlers/api/correct-contact.ts',
    description: 'Correct the address of an organisation whose mail bounced, then send it a fresh link',
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

/** What delivers events to an event function (asynchronously, with retries and a dead-letter queue). */
export type EventSource = 'mail-events';

export interface EventFunctionSpec extends FunctionSpec {
  /** `mail-events`: the SNS topic the SES configuration set publishes bounces, complaints, rejects and delays to. */
  readonly source: EventSource;
}

/** Functions that are neither an HTTP route nor a workflow task: invoked by an event source. */
export const EVENT_FUNCTIONS = {
  'record-mail-event': {
    entry: 'functions/handlers/events/record-mail-event.ts',
    source: 'mail-events',
    description: 'Mark an organisation\'s contact undeliverable when SES reports a bounce, complaint, reject or delay',
  },
} as const satisfies Record<string, EventFunctionSpec>;

export type ApiFunctionId = keyof typeof API_FUNCTIONS;
export type TaskFunctionId = keyof typeof TASK_FUNCTIONS;
export type EventFunctionId = keyof typeof EVENT_FUNCTIONS;
export type FunctionId = ApiFunctionId | TaskFunctionId | EventFunctionId;

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
  { method: 'GET', path: '/console/declarations/new', functionId: 'console-page', access: 'public' },
  { method: 'GET', path: '/console/declarations/{declarationId}', functionId: 'console-page', access: 'public' },
  { method: 'GET', path: '/console/declarations/{declarationId}/edit', functionId: 'console-page', access: 'public' },
  { method: 'GET', path: '/console/commitments/{commitmentId}', functionId: 'console-page', access: 'public' },
  { method: 'GET', path: '/console/audit', functionId: 'console-page', access: 'public' },
  { method: 'GET', path: '/api/openapi.json', functionId: 'openapi-document', access: ADMIN_OR_AUDITOR },
  { method: 'POST', path: '/api/declarations', functionId: 'create-declaration', access: ADMIN_ONLY },
  { method: 'GET', path: '/api/declarations', functionId: 'list-declarations', access: ADMIN_OR_AUDITOR },
  { method: 'GET', path: '/api/declarations/{declarationId}', functionId: 'get-declaration-status', access: ADMIN_OR_AUDITOR },
  { method: 'PUT', path: '/api/declarations/{declarationId}', functionId: 'update-declaration', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/declarations/{declarationId}/opening', functionId: 'open-declaration', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/declarations/{declarationId}/closing', functionId: 'close-declaration', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/declarations/{declarationId}/invitations', functionId: 'invite-organisations', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/declarations/{declarationId}/invitation-imports', functionId: 'invite-organisations', access: ADMIN_ONLY },
  { method: 'GET', path: '/api/declarations/{declarationId}/commitments.csv', functionId: 'export-commitments', access: ADMIN_OR_AUDITOR },
  { method: 'POST', path: '/api/declarations/{declarationId}/countersignatures', functionId: 'countersign-commitments', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/declarations/{declarationId}/reminders', functionId: 'send-reminders', access: ADMIN_ONLY },
  { method: 'GET', path: '/api/declarations/{declarationId}/audit-trail.jsonl', functionId: 'export-audit-trail', access: ADMIN_OR_AUDITOR },
  { method: 'GET', path: '/api/commitments/{commitmentId}', functionId: 'get-commitment', access: ADMIN_OR_AUDITOR },
  { method: 'POST', path: '/api/commitments/{commitmentId}/countersignature', functionId: 'countersign-commitments', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/commitments/{commitmentId}/review', functionId: 'review-commitment', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/commitments/{commitmentId}/revocation', functionId: 'revoke-commitment', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/commitments/{commitmentId}/reminders', functionId: 'send-reminders', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/commitments/{commitmentId}/contact', functionId: 'correct-contact', access: ADMIN_ONLY },
  { method: 'GET', path: '/api/documents', functionId: 'list-documents', access: ADMIN_OR_AUDITOR },
  { method: 'GET', path: '/api/documents/{commitmentId}', functionId: 'download-document', access: ADMIN_OR_AUDITOR },
  { method: 'POST', path: '/api/declarations/{declarationId}/joint-declaration', functionId: 'generate-joint-declaration', access: ADMIN_ONLY },
  { method: 'GET', path: '/api/declarations/{declarationId}/joint-declaration', functionId: 'download-joint-declaration', access: ADMIN_OR_AUDITOR },
  { method: 'GET', path: '/verify', functionId: 'verify-document', access: 'public' },
  { method: 'POST', path: '/verify', functionId: 'verify-document', access: 'public' },
  { method: 'GET', path: '/verify/{documentId}', functionId: 'verify-document', access: 'public' },
  { method: 'POST', path: '/api/verify', functionId: 'verify-document', access: 'public' },
  { method: 'GET', path: '/sign/{linkSecret}', functionId: 'signing-page', access: 'public' },
  { method: 'HEAD', path: '/sign/{linkSecret}', functionId: 'signing-page', access: 'public' },
  { method: 'POST', path: '/sign/{linkSecret}', functionId: 'open-signing-session', access: 'public' },
  { method: 'GET', path: '/signing', functionId: 'signing-form', access: 'public' },
  { method: 'POST', path: '/signing', functionId: 'submit-signature', access: 'public' },
  { method: 'POST', path: '/signing/code', functionId: 'check-signing-code', access: 'public' },
  { method: 'POST', path: '/signing/code/new', functionId: 'send-signing-code', access: 'public' },
  { method: 'POST', path: '/api/commitments/{commitmentId}/resend', functionId: 'resend-signing-link', access: ADMIN_ONLY },
];

/** Environment variable names shared by the stacks, the local stack and the handlers. */
export const ENV = {
  tableName: 'TABLE_NAME',
  stateMachineArn: 'STATE_MACHINE_ARN',
  senderAddress: 'SENDER_ADDRESS',
  commissionContactAddress: 'COMMISSION_CONTACT_ADDRESS',
  appUrl: 'APP_URL',
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  /** The KMS key that seals (key id or ARN). */
  sealKeyId: 'SEAL_KEY_ID',
  /** The secret holding the Commission's certificate chain for that key. */
  sealCertificateSecretId: 'SEAL_CERTIFICATE_SECRET_ID',
  /** Optional RFC 3161 timestamp authority; when set, seals are PAdES B-T. */
  timestampAuthorityUrl: 'TIMESTAMP_AUTHORITY_URL',
  linkValiditySeconds: 'LINK_VALIDITY_SECONDS',
  clientAddressHashKey: 'CLIENT_ADDRESS_HASH_KEY',
  /** The secret holding the key of the signing pages' HMACs (one-time codes, form tokens, client addresses). */
  signingKeySecretId: 'SIGNING_KEY_SECRET_ID',
  /** Optional overrides of the signing rate limits (attempts per 10-minute window); the defaults suit production. */
  rateLimitPerAddress: 'RATE_LIMIT_PER_ADDRESS',
  rateLimitPerLink: 'RATE_LIMIT_PER_LINK',
  /** The console's sign-in on AWS: the Cognito hosted UI's base URL and the console's app client. */
  cognitoDomainUrl: 'COGNITO_DOMAIN_URL',
  cognitoClientId: 'COGNITO_CLIENT_ID',
  /** The console's sign-in on the local stack: the development sign-in page. */
  developmentSignInUrl: 'DEVELOPMENT_SIGN_IN_URL',
} as const;
