/**
 * The parts of the JSON API's answers that the console reads, route by route
 * (functions/api/contract.ts lists the routes and what they answer).
 */

export type DeclarationStatus = 'DRAFT' | 'OPEN' | 'CLOSED';

export interface CommitmentClause {
  readonly id: string;
  /** The text in the declaration's default language. */
  readonly text: string;
  readonly required: boolean;
  /** The text in each language version (absent on declarations stored before commitments were translated). */
  readonly texts?: Readonly<Record<string, string>>;
}

export interface OrganisationDomains {
  readonly organisation: string;
  readonly domains: readonly string[];
}

export interface Declaration {
  readonly id: string;
  readonly version: string;
  readonly status: DeclarationStatus;
  readonly defaultLanguage: string;
  readonly texts: Readonly<Record<string, { readonly title: string; readonly text: string }>>;
  readonly commitments: Readonly<Record<string, readonly CommitmentClause[]>>;
  readonly deadline?: string;
  readonly reminders?: { readonly automatic: boolean };
  readonly oneTimeCode?: boolean;
  readonly organisationDomains?: readonly OrganisationDomains[];
  readonly notifications?: NotificationSettings;
  readonly createdAt: string;
}

/** Who in the Commission team is emailed about a declaration, and about what. */
export interface NotificationSettings {
  readonly addresses: readonly string[];
  readonly kinds: { readonly review: boolean; readonly failure: boolean; readonly undeliverable: boolean; readonly declined: boolean; readonly digest: boolean };
}

/** GET /api/declarations */
export interface DeclarationList {
  readonly declarations: readonly {
    readonly id: string;
    readonly version: string;
    readonly status: DeclarationStatus;
    readonly title: string;
    readonly createdAt: string;
    readonly deadline?: string;
  }[];
}

/** One line of the tracking list. */
export interface CommitmentRow {
  readonly id: string;
  readonly organisation: string;
  readonly category: string;
  readonly country: string;
  readonly email: string;
  readonly state: string;
  readonly invitedAt: string;
  readonly signer?: string;
  readonly signedAt?: string;
  /** Why the automatic checks flagged it. */
  readonly flagged?: readonly string[];
  /** How many times an admin resent the link (absent: never). */
  readonly resends?: number;
}

export interface SignaturePoint {
  /** Start of the hour or day (UTC, ISO 8601). */
  readonly start: string;
  readonly count: number;
  readonly cumulative: number;
}

export interface SignaturesOverTime {
  readonly bucket: 'hour' | 'day';
  readonly points: readonly SignaturePoint[];
}

/** GET /api/declarations/{declarationId}: counts over every commitment, and one page of the list. */
export interface DeclarationDashboard {
  readonly declaration: Declaration;
  readonly total: number;
  readonly byState: Readonly<Record<string, number>>;
  readonly byCategory: Readonly<Record<string, number>>;
  readonly byCountry: Readonly<Record<string, number>>;
  readonly progress: { readonly signed: number; readonly delivered: number; readonly awaitingSignature: number; readonly closedUnsigned: number };
  readonly signaturesOverTime: SignaturesOverTime;
  readonly list: { readonly matching: number; readonly page: number; readonly pages: number };
  readonly commitments: readonly CommitmentRow[];
}

/** What a bulk action did to one commitment. */
export interface BulkResult {
  readonly commitmentId: string;
  readonly result: string;
  readonly message: string;
}

/** POST /api/declarations/{declarationId}/reminders */
export interface RemindersAnswer {
  readonly sent: number;
  readonly results: readonly BulkResult[];
}

/** POST /api/commitments/{commitmentId}/reminders */
export interface ReminderAnswer {
  readonly result: 'sent' | 'already-sent';
  readonly message: string;
}

/** POST /api/commitments/{commitmentId}/resend */
export interface ResendAnswer {
  readonly commitmentId: string;
  /** The link's resend count now (1 after the first). */
  readonly resend: number;
  readonly unlocked: boolean;
  readonly expiresAt: string;
}

/** POST /api/declarations/{declarationId}/countersignatures */
export interface CountersignaturesAnswer {
  readonly countersigned: number;
  readonly alreadyCountersigned: number;
  readonly notReady: number;
  readonly notFound: number;
  readonly results: readonly BulkResult[];
}

/** POST /api/declarations/{declarationId}/closing */
export interface ClosingAnswer {
  readonly revoked: number;
}

/** POST /api/commitments/{commitmentId}/review */
export interface ReviewAnswer {
  readonly state: string;
}

/** POST /api/declarations/{declarationId}/reviews */
export interface ReviewsAnswer {
  readonly approved: number;
  readonly rejected: number;
  readonly alreadyReviewed: number;
  readonly notInReview: number;
  readonly notFound: number;
  readonly results: readonly BulkResult[];
}

/** POST /api/declarations/{declarationId}/invitations */
export interface InvitationsAnswer {
  readonly results: readonly {
    readonly email: string;
    readonly status: 'invited' | 'already-invited';
    readonly state: string;
    readonly commitmentId: string;
    /** For an address already invited: what happened, and how to invite it again when its invitation ended. */
    readonly message?: string;
  }[];
}

/** POST /api/declarations/{declarationId}/invitation-imports: the check of the whole file, and what an import did. */
export interface ImportReport {
  readonly fileErrors: readonly string[];
  readonly dataRows: number;
  readonly validRows: number;
  readonly problems: readonly { readonly line: number; readonly organisation?: string; readonly email?: string; readonly reasons: readonly string[] }[];
  readonly alreadyInvited: readonly { readonly line: number; readonly email: string }[];
  readonly toInvite: number;
  /** Why nothing was imported, when an import was refused (answered with 422). */
  readonly refused?: string;
  readonly imported?: { readonly invited: number; readonly alreadyInvited: number };
}

/** GET /api/documents */
export interface DocumentList {
  readonly documents: readonly {
    readonly commitmentId: string;
    readonly organisation: string;
    readonly category: string;
    readonly country: string;
    readonly sealedAt: string;
    readonly sha256: string;
    readonly size: number;
  }[];
}

export interface Commitment {
  readonly id: string;
  readonly declarationId: string;
  readonly organisation: {
    readonly name: string;
    readonly category: string;
    readonly country: string;
    readonly email: string;
    readonly contactName: string;
    readonly emailDomains?: readonly string[];
  };
  readonly language: string;
  readonly state: string;
  readonly invitedAt: string;
  readonly signature?: { readonly signerName: string; readonly signerTitle: string; readonly signedAt: string; readonly language: string; readonly textSha256: string; readonly hashCovers?: 'text-and-commitments'; readonly acceptedCommitmentIds: readonly string[] };
  readonly decline?: { readonly reason: string; readonly declinedAt: string };
  readonly verification?: { readonly checks: readonly { readonly passed: boolean; readonly detail: string }[] };
  readonly review?: { readonly decision: 'APPROVED' | 'REJECTED'; readonly reason: string; readonly reviewedBy: string; readonly reviewedAt: string };
  readonly countersignature?: { readonly name: string; readonly title: string; readonly countersignedAt: string };
  readonly document?: { readonly sha256: string; readonly size: number; readonly sealedAt: string };
  readonly delivery?: { readonly deliveredAt: string };
  readonly revocation?: { readonly by: string; readonly reason: string; readonly revokedAt: string };
  readonly failure?: { readonly error: string; readonly cause: string; readonly failedAt: string; readonly stateAtFailure: string };
  /** The round of invitation (absent: the first) and what the earlier ones came to. */
  readonly round?: number;
  readonly rounds?: readonly PastRound[];
  /** When the current links stop working (epoch ms), once extended or in a later round. */
  readonly linksExpireAt?: number;
  readonly extension?: { readonly until: string; readonly by: string; readonly extendedAt: string };
  /** How many times an admin resent the link (absent: never). */
  readonly resends?: number;
}

/** An earlier round of invitation, as the commitment keeps it. */
export interface PastRound {
  readonly round: number;
  readonly state: string;
  readonly invitedAt: string;
  readonly invitedBy: string;
  readonly endedAt: string;
  readonly contact: { readonly name: string; readonly email: string };
  readonly signature?: { readonly signerName: string; readonly signerTitle: string; readonly signedAt: string };
  readonly decline?: { readonly reason: string; readonly declinedAt: string };
  readonly review?: { readonly decision: 'APPROVED' | 'REJECTED'; readonly reason: string; readonly reviewedBy: string; readonly reviewedAt: string };
  readonly expiry?: { readonly stage: string; readonly expiredAt: string };
  readonly revocation?: { readonly by: string; readonly reason: string; readonly revokedAt: string };
}

/** POST /api/commitments/{id}/invitation */
export interface ReinviteAnswer {
  readonly commitmentId: string;
  readonly round: number;
  readonly previousState: string;
  readonly linksExpireAt: string;
}

/** POST /api/declarations/{id}/deadline */
export interface DeadlineMoveAnswer {
  readonly declarationId: string;
  readonly deadline: string;
  readonly previousDeadline: string;
  readonly linksExtended: number;
}

/** POST /api/commitments/{id}/extension */
export interface ExtensionAnswer {
  readonly commitmentId: string;
  readonly linksExpireAt: string;
  readonly previousExpiry: string;
}

/** POST /api/commitments/{id}/contact */
export interface ContactCorrectionAnswer {
  readonly commitment: Commitment;
  readonly link: { readonly result: 'sent' | 'not-sent' | 'not-needed'; readonly message: string };
}

export interface AuditEvent {
  readonly id: string;
  readonly at: string;
  readonly type: string;
  /** `operator`, `workflow`, or the admin's user id. */
  readonly actor: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** GET /api/commitments/{commitmentId} */
export interface CommitmentDetail {
  readonly commitment: Commitment;
  readonly events: readonly AuditEvent[];
}

/** POST /api/declarations and PUT /api/declarations/{declarationId}: the declaration as stored. */
export interface SavedDeclaration {
  readonly id: string;
}

/** POST /api/declarations/{declarationId}/document-exports and GET /api/document-exports/{exportId} */
export interface DocumentExport {
  readonly exportId: string;
  readonly state: 'PENDING' | 'BUILDING' | 'READY' | 'FAILED';
  readonly total?: number;
  readonly added?: number;
  readonly zipBytes?: number;
  readonly zipSha256?: string;
  readonly failure?: string;
  readonly download?: FileDownload;
}

/** A pre-signed URL of the files bucket: it downloads the file for a few minutes. */
export interface FileDownload {
  readonly url: string;
  readonly expiresAt: string;
  readonly filename: string;
}

/** GET /api/declarations/{declarationId}/joint-declaration */
export interface JointDeclarationAnswer {
  readonly jointDeclaration: { readonly sha256: string; readonly size: number; readonly sealedAt: string; readonly signatoryCount: number };
  readonly download: FileDownload;
}

/** POST /api/declarations/{declarationId}/joint-declaration-preview */
export interface JointDeclarationPreview {
  readonly preview: { readonly signatoryCount: number; readonly renderedAt: string; readonly size: number };
  readonly download: FileDownload;
}
