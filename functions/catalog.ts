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

/**
 * What a function may touch. The stacks derive both its grants and its environment from it, and the
 * local stack gives it exactly the environment its synthesized resource declares.
 */
export interface FunctionNeeds {
  readonly table: 'read' | 'read-write' | 'none';
  /** `start`: states:StartExecution; `answer`: states:SendTask{Success,Failure,Heartbeat}. */
  readonly workflow?: 'start' | 'answer';
  /** Sends mail: SENDER_ADDRESS, SES_CONFIGURATION_SET, APP_URL and ses:SendRawEmail from the sender only. */
  readonly mail?: true;
  /** Shows links and the Commission's contact: APP_URL and COMMISSION_CONTACT_ADDRESS. */
  readonly contact?: true;
  /** Mints signing links: LINK_VALIDITY_SECONDS. */
  readonly links?: true;
  /**
   * Seals PDFs: SEAL_KEY_ID with kms:Sign on that key only, SEAL_CERTIFICATE_SECRET_ID with
   * secretsmanager:GetSecretValue on it, TIMESTAMP_AUTHORITY_URL when configured, and the fonts in its bundle.
   */
  readonly sealKey?: true;
  /**
   * Checks seals: SEAL_CERTIFICATE_SECRET_ID with secretsmanager:GetSecretValue on it, for the seal chain and
   * the timestamp authorities' certificates it trusts. No access to the key.
   */
  readonly sealTrust?: true;
  /** Signs admins and auditors in to the console: COGNITO_CLIENT_ID, and COGNITO_DOMAIN_URL when a Cognito domain exists. */
  readonly signIn?: true;
  /** Makes or checks one-time codes, anti-CSRF tokens and client address hashes: SIGNING_KEY_SECRET_ID and read access to that secret. */
  readonly signingKey?: true;
  /** Counts signing attempts against the rate limits: RATE_LIMIT_PER_ADDRESS and RATE_LIMIT_PER_LINK when the deployment sets its own. */
  readonly rateLimited?: true;
  /**
   * The files bucket (ZIP exports, joint declarations, sealed certificates): FILES_BUCKET_NAME with `read` (s3:GetObject, to
   * read a file or sign its download URLs) or `write` (s3:PutObject and s3:AbortMultipartUpload: uploads, multipart included) or both.
   */
  readonly files?: 'read' | 'write' | 'read-write';
  /** Starts the export builder: EXPORT_BUILDER_FUNCTION_NAME and lambda:InvokeFunction on that function only. */
  readonly startsExports?: true;
}

export interface FunctionSpec {
  /** Source file exporting `handler`, relative to the repository root. */
  readonly entry: string;
  /** MiB; sealing renders fonts and needs more. */
  readonly memorySize?: number;
  readonly timeoutSeconds?: number;
  readonly description: string;
  readonly needs: FunctionNeeds;
}

export const API_FUNCTIONS = {
  'create-declaration': {
    entry: 'functions/handlers/api/create-declaration.ts',
    needs: { table: 'read-write' },
    description: 'Create a declaration with its text and the commitments of each category',
  },
  'list-declarations': {
    entry: 'functions/handlers/api/list-declarations.ts',
    needs: { table: 'read' },
    description: 'List declarations',
  },
  'get-declaration-status': {
    entry: 'functions/handlers/api/get-declaration-status.ts',
    needs: { table: 'read', links: true },
    description: 'Counts by state, category and country, progress, signatures over time, and a filtered, sorted page of commitments',
  },
  'update-declaration': {
    entry: 'functions/handlers/api/update-declaration.ts',
    needs: { table: 'read-write' },
    description: 'Edit a draft declaration',
  },
  'open-declaration': {
    entry: 'functions/handlers/api/open-declaration.ts',
    needs: { table: 'read-write' },
    description: 'Open a draft declaration for signing',
  },
  'close-declaration': {
    entry: 'functions/handlers/api/close-declaration.ts',
    needs: { table: 'read-write', workflow: 'answer' },
    // Revokes every invitation still awaiting a signature: thousands at 16 in flight.
    timeoutSeconds: 120,
    description: 'Close a declaration for signing and revoke the invitations still awaiting a signature',
  },
  'invite-organisations': {
    entry: 'functions/handlers/api/invite-organisations.ts',
    needs: { table: 'read-write', workflow: 'start', links: true },
    // A full file of 5,000 rows in one request took 120 s on a loaded local stack (`npm run bench:import`):
    // API Gateway stops waiting after 30 s but the function finishes, and repeating it invites nobody twice.
    // The console sends slices of 500 rows, each well within the 30 s.
    memorySize: 512,
    timeoutSeconds: 300,
    description: 'Invite one organisation or a batch (JSON or a CSV file) and start one workflow execution each',
  },
  'send-reminders': {
    entry: 'functions/handlers/api/send-reminders.ts',
    needs: { table: 'read-write', mail: true, contact: true, links: true },
    timeoutSeconds: 120,
    description: 'Remind one organisation or many now, each with a fresh link, once per click',
  },
  'export-commitments': {
    entry: 'functions/handlers/api/export-commitments.ts',
    needs: { table: 'read' },
    timeoutSeconds: 30,
    description: 'Export the tracking list of a declaration as CSV',
  },
  'export-audit-trail': {
    entry: 'functions/handlers/api/export-audit-trail.ts',
    needs: { table: 'read' },
    timeoutSeconds: 30,
    description: 'Export the audit trail of a declaration as JSON Lines, each event chained to the one before by its hash',
  },
  'openapi-document': {
    entry: 'functions/handlers/api/openapi-document.ts',
    needs: { table: 'none' },
    description: 'The OpenAPI 3.1 description of the JSON API, generated from the request schemas',
  },
  'get-commitment': {
    entry: 'functions/handlers/api/get-commitment.ts',
    needs: { table: 'read' },
    description: 'One commitment with its audit trail',
  },
  'review-commitment': {
    entry: 'functions/handlers/api/review-commitment.ts',
    needs: { table: 'read-write', workflow: 'answer' },
    // Up to 1,000 flagged commitments in one request; each is a transaction and a task callback.
    timeoutSeconds: 60,
    description: 'Approve or reject one commitment that automatic verification flagged, or several with one reason',
  },
  'countersign-commitments': {
    entry: 'functions/handlers/api/countersign-commitments.ts',
    needs: { table: 'read-write', workflow: 'answer' },
    // "All verified" may be thousands; each is a transaction and a task callback.
    timeoutSeconds: 120,
    description: 'Countersign one commitment or many at once',
  },
  'revoke-commitment': {
    entry: 'functions/handlers/api/revoke-commitment.ts',
    needs: { table: 'read-write', workflow: 'answer' },
    description: 'Revoke an invitation that is still open',
  },
  'list-documents': {
    entry: 'functions/handlers/api/list-documents.ts',
    needs: { table: 'read' },
    description: 'List sealed PDFs of a declaration',
  },
  'download-document': {
    entry: 'functions/handlers/api/download-document.ts',
    needs: { table: 'read', files: 'read' },
    description: 'Download one sealed PDF, byte for byte as sealed',
  },
  'generate-joint-declaration': {
    entry: 'functions/handlers/api/generate-joint-declaration.ts',
    needs: { table: 'read-write', contact: true, sealKey: true, files: 'write' },
    // Renders and seals an annex of up to thousands of signatories within API Gateway's 30 seconds.
    memorySize: 2048,
    timeoutSeconds: 29,
    description: 'Make the sealed joint declaration of a closed declaration, with the annex of its signatories',
  },
  'download-joint-declaration': {
    entry: 'functions/handlers/api/download-joint-declaration.ts',
    // Copies a joint declaration stored in the table before the files bucket existed to the bucket.
    needs: { table: 'read', files: 'read-write' },
    description: 'The sealed joint declaration: its record and a short-lived download URL',
  },
  'verify-document': {
    entry: 'functions/handlers/api/verify-document.ts',
    needs: { table: 'read', sealTrust: true },
    description: 'Public check of a PDF or its SHA-256: issued by us, for whom, when, revoked or not',
  },
  'signing-page': {
    entry: 'functions/handlers/api/signing-page.ts',
    needs: { table: 'read', contact: true, signingKey: true },
    description: 'The landing page of the emailed link (never changes anything: mail scanners open every link)',
  },
  'open-signing-session': {
    entry: 'functions/handlers/api/open-signing-session.ts',
    needs: { table: 'read-write', mail: true, contact: true, signingKey: true, rateLimited: true },
    description: 'Exchange the emailed link for a short signing session, record "viewed" and email the one-time code',
  },
  'signing-form': {
    entry: 'functions/handlers/api/signing-form.ts',
    needs: { table: 'read', contact: true, signingKey: true },
    description: 'Under a signing session: the one-time code step, then the declaration and the form to sign or decline',
  },
  'check-signing-code': {
    entry: 'functions/handlers/api/check-signing-code.ts',
    needs: { table: 'read-write', contact: true, signingKey: true, rateLimited: true },
    description: 'Check the one-time code a signer entered; five wrong ones lock the link',
  },
  'send-signing-code': {
    entry: 'functions/handlers/api/send-signing-code.ts',
    needs: { table: 'read-write', mail: true, contact: true, signingKey: true, rateLimited: true },
    description: 'Email a new one-time code to the invited address',
  },
  'submit-signature': {
    entry: 'functions/handlers/api/submit-signature.ts',
    needs: { table: 'read-write', workflow: 'answer', contact: true, signingKey: true, rateLimited: true },
    description: 'Sign or decline: the final POST of a signing session',
  },
  'resend-signing-link': {
    entry: 'functions/handlers/api/resend-signing-link.ts',
    needs: { table: 'read-write', mail: true, contact: true, links: true },
    description: 'Email a new signing link to an organisation and unlock a link locked by wrong codes',
  },
  'console-page': {
    entry: 'functions/handlers/api/console-page.ts',
    needs: { table: 'none', signIn: true },
    description: 'The admin and auditor console pages (no data: their script calls the JSON API with the signed-in user\'s token)',
  },
  'public-register': {
    entry: 'functions/handlers/api/public-register.ts',
    needs: { table: 'read', contact: true },
    description: 'The public register: the organisations that agreed to be listed, by declaration, country and category',
  },
  'update-notification-settings': {
    entry: 'functions/handlers/api/update-notification-settings.ts',
    needs: { table: 'read-write' },
    description: 'Set who in the Commission team is notified about a declaration, and of what',
  },
  'correct-contact': {
    entry: 'functions/handlers/api/correct-contact.ts',
    // Corrects the address, then sends a fresh link to it (as resend-signing-link does).
    needs: { table: 'read-write', mail: true, contact: true, links: true },
    description: 'Correct the contact of an organisation (name, address, language); earlier links stop working and a fresh link goes to the contact',
  },
  'reinvite-commitment': {
    entry: 'functions/handlers/api/reinvite-commitment.ts',
    // Starts the new round's execution, which emails the invitation.
    needs: { table: 'read-write', workflow: 'start', links: true },
    description: 'Invite the organisation of an expired, declined, revoked or rejected commitment again: a new round',
  },
  'move-deadline': {
    entry: 'functions/handlers/api/move-deadline.ts',
    needs: { table: 'read-write', links: true },
    timeoutSeconds: 120,
    description: 'Move an open declaration\'s deadline later; open invitations\' links follow it',
  },
  'extend-invitation': {
    entry: 'functions/handlers/api/extend-invitation.ts',
    needs: { table: 'read-write', links: true },
    description: 'Keep the links of an open invitation valid until a later time, at most the declaration deadline',
  },
  'preview-joint-declaration': {
    entry: 'functions/handlers/api/preview-joint-declaration.ts',
    needs: { table: 'read', contact: true, files: 'read-write' },
    memorySize: 2048,
    timeoutSeconds: 29,
    description: 'Render an unsealed preview of the joint declaration of an open declaration, with its signatories so far',
  },
  'start-document-export': {
    entry: 'functions/handlers/api/start-document-export.ts',
    needs: { table: 'read-write', startsExports: true },
    description: 'Ask for a ZIP of the sealed PDFs a filter selects; built in the background, once per request id',
  },
  'get-document-export': {
    entry: 'functions/handlers/api/get-document-export.ts',
    needs: { table: 'read', files: 'read' },
    description: 'The state of a ZIP export and, once built, a short-lived download URL',
  },
} as const satisfies Record<string, FunctionSpec>;

export const TASK_FUNCTIONS = {
  'await-signature': {
    entry: 'functions/handlers/tasks/await-signature.ts',
    needs: { table: 'read-write', workflow: 'answer', mail: true, contact: true, links: true },
    description: 'Park the workflow task token and send the invitation or a reminder',
  },
  'await-decision': {
    entry: 'functions/handlers/tasks/await-decision.ts',
    // Checks a new signature and emails its confirmation before the countersignature wait.
    needs: { table: 'read-write', workflow: 'answer', mail: true, contact: true },
    description: 'Check a new signature, then park the workflow task token while an admin reviews or countersigns',
  },
  'verify-signature': {
    entry: 'functions/handlers/tasks/verify-signature.ts',
    // The Verify state of executions started by the earlier definition (infra/commitment-workflow.ts).
    needs: { table: 'read-write', mail: true, contact: true },
    description: 'Automatic checks on a signature, for executions started before the countersignature wait took them over',
  },
  'settle-timeout': {
    entry: 'functions/handlers/tasks/settle-timeout.ts',
    needs: { table: 'read-write' },
    description: 'Close a wait that timed out, unless the user acted first',
  },
  'seal-certificate': {
    entry: 'functions/handlers/tasks/seal-certificate.ts',
    needs: { table: 'read-write', contact: true, sealKey: true, files: 'write' },
    memorySize: 1024,
    timeoutSeconds: 60,
    description: 'Render the certificate PDF, seal it once and store it',
  },
  'deliver-certificate': {
    entry: 'functions/handlers/tasks/deliver-certificate.ts',
    needs: { table: 'read-write', mail: true, contact: true, files: 'read' },
    timeoutSeconds: 30,
    description: 'Email the sealed PDF to the signatory',
  },
  'record-failure': {
    entry: 'functions/handlers/tasks/record-failure.ts',
    needs: { table: 'read-write' },
    description: 'Record a failed step so that admins see it',
  },
  'notify-team': {
    entry: 'functions/handlers/tasks/notify-team.ts',
    // Writes its claims before each email; links to the console page.
    needs: { table: 'read-write', mail: true, contact: true },
    description: 'Email the Commission team about a declined, flagged or failed commitment, once per event',
  },
} as const satisfies Record<string, FunctionSpec>;

/** What delivers events to an event function (asynchronously, with retries and a dead-letter queue). */
export type EventSource = 'mail-events' | 'daily-schedule' | 'export-requests';

export interface EventFunctionSpec extends FunctionSpec {
  /**
   * `mail-events`: the SNS topic the SES configuration set publishes bounces, complaints, rejects and delays to.
   * `daily-schedule`: an EventBridge Scheduler schedule, daily at the deployment's `digestHourUtc`.
   * `export-requests`: an asynchronous invocation by a function that `startsExports`, with `{ exportId }`.
   */
  readonly source: EventSource;
}

/** Functions that are neither an HTTP route nor a workflow task: invoked by an event source. */
export const EVENT_FUNCTIONS = {
  'record-mail-event': {
    entry: 'functions/handlers/events/record-mail-event.ts',
    // Emails the Commission team about an undeliverable contact.
    needs: { table: 'read-write', mail: true, contact: true },
    source: 'mail-events',
    description: 'Mark an organisation\'s contact undeliverable when SES reports a bounce, complaint, reject or delay, and tell the Commission team',
  },
  'send-daily-digest': {
    entry: 'functions/handlers/events/send-daily-digest.ts',
    needs: { table: 'read-write', mail: true, contact: true },
    source: 'daily-schedule',
    timeoutSeconds: 300,
    description: 'Email each open declaration\'s Commission team its daily digest: counts by state, what waits for them, what changed',
  },
  'build-document-export': {
    entry: 'functions/handlers/events/build-document-export.ts',
    needs: { table: 'read-write', files: 'read-write' },
    source: 'export-requests',
    // Streams thousands of PDFs from the files bucket into a multipart upload; 5,000 take well under a minute.
    memorySize: 1024,
    timeoutSeconds: 900,
    description: 'Build a ZIP of sealed PDFs with its manifest, streamed into the files bucket',
  },
} as const satisfies Record<string, EventFunctionSpec>;

export type ApiFunctionId = keyof typeof API_FUNCTIONS;
export type TaskFunctionId = keyof typeof TASK_FUNCTIONS;
export type EventFunctionId = keyof typeof EVENT_FUNCTIONS;
export type FunctionId = ApiFunctionId | TaskFunctionId | EventFunctionId;

/** Every function of the catalog, by id. (Marked pure so that a bundle not using it leaves the catalog out.) */
export const FUNCTIONS: Readonly<Record<FunctionId, FunctionSpec>> = /* @__PURE__ */ Object.assign({}, API_FUNCTIONS, TASK_FUNCTIONS, EVENT_FUNCTIONS);

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
  { method: 'POST', path: '/api/declarations/{declarationId}/reviews', functionId: 'review-commitment', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/commitments/{commitmentId}/revocation', functionId: 'revoke-commitment', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/commitments/{commitmentId}/reminders', functionId: 'send-reminders', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/commitments/{commitmentId}/contact', functionId: 'correct-contact', access: ADMIN_ONLY },
  { method: 'PUT', path: '/api/declarations/{declarationId}/notifications', functionId: 'update-notification-settings', access: ADMIN_ONLY },
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
  { method: 'GET', path: '/register', functionId: 'public-register', access: 'public' },
  { method: 'GET', path: '/register/{declarationId}', functionId: 'public-register', access: 'public' },
  { method: 'POST', path: '/api/commitments/{commitmentId}/invitation', functionId: 'reinvite-commitment', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/commitments/{commitmentId}/extension', functionId: 'extend-invitation', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/declarations/{declarationId}/deadline', functionId: 'move-deadline', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/declarations/{declarationId}/joint-declaration-preview', functionId: 'preview-joint-declaration', access: ADMIN_ONLY },
  { method: 'POST', path: '/api/declarations/{declarationId}/document-exports', functionId: 'start-document-export', access: ADMIN_OR_AUDITOR },
  { method: 'GET', path: '/api/document-exports/{exportId}', functionId: 'get-document-export', access: ADMIN_OR_AUDITOR },
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
  /** The private bucket of large files: ZIP exports and joint declarations, downloaded through pre-signed URLs. */
  filesBucketName: 'FILES_BUCKET_NAME',
  /** The function that builds ZIP exports, invoked asynchronously. */
  exportBuilderFunctionName: 'EXPORT_BUILDER_FUNCTION_NAME',
  /**
   * Behind CloudFront (every API function on AWS): the secret CloudFront sends in the origin-verify
   * header. A request without it did not come through the edge and is refused. Unset on the local stack.
   */
  originVerifySecretId: 'ORIGIN_VERIFY_SECRET_ID',
} as const;

/**
 * The API as an OAuth resource server of the user pool. Each group has one scope; a protected route
 * asks API Gateway's JWT authorizer for the scopes of its groups, so only an access token issued to
 * the console for a member of one of those groups gets through (an ID token carries no scope).
 */
export const API_RESOURCE_SERVER = 'ports-alliance-api';
export const GROUP_SCOPES: Readonly<Record<Group, string>> = { 'commission-admin': 'admin', auditor: 'auditor' };

/** The full scope (`<resource server>/<scope>`) of a group, as it stands in an access token. */
export function scopeOfGroup(group: Group): string {
  return `${API_RESOURCE_SERVER}/${GROUP_SCOPES[group]}`;
}

/** The scopes a route asks for (a token needs one of them); none for a public route. */
export function routeScopes(access: Access): string[] {
  return access === 'public' ? [] : access.map(scopeOfGroup);
}

/** What the console asks Cognito for: OpenID Connect's scopes and every group's API scope (the user pool keeps only those of the user's groups). */
export const CONSOLE_SCOPES: readonly string[] = ['openid', 'email', 'profile', ...GROUPS.map(scopeOfGroup)];

/**
 * The user pool's pre-token-generation trigger (V2, access-token customisation), deployed with the
 * user pool in the stateful stack: it keeps in the access token only the API scopes of the user's
 * groups and adds the name and email the handlers show and record.
 */
export const ACCESS_TOKEN_TRIGGER: FunctionSpec = {
  entry: 'functions/handlers/identity/shape-access-token.ts',
  needs: { table: 'none' },
  timeoutSeconds: 5,
  description: 'Keep in each access token only the API scopes of the user\'s groups, and add their name and email',
};
