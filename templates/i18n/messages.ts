import type { AuditEventType } from '../../functions/domain/audit-events';
import type { Category } from '../../functions/domain/categories';

/**
 * Everything an operator reads, in one language: the signing pages and the emails they receive.
 * Each catalog implements the whole interface, so a missing translation fails type-checking.
 * Values are plain text; templates escape them when they build markup.
 */
export interface Messages {
  /** The language's own name, e.g. "Deutsch". */
  readonly languageName: string;
  readonly brand: string;
  readonly skipToContent: string;
  readonly contactLead: string;
  readonly categories: Readonly<Record<Category, string>>;
  readonly required: string;
  readonly optional: string;
  readonly validUntil: (date: string) => string;

  readonly landing: {
    readonly invitedOrganisation: (organisation: string, category: string) => string;
    readonly nothingRecorded: string;
    readonly whatNext: string;
    readonly codeNotice: (maskedEmail: string) => string;
    readonly continueButton: string;
    /** The declaration has no version in the reader's language: says which one they will read (its endonym). */
    readonly versionNotice: (versionLanguageName: string) => string;
  };

  readonly code: {
    readonly title: string;
    readonly sent: (maskedEmail: string, time: string) => string;
    readonly notSent: (maskedEmail: string) => string;
    readonly expired: string;
    readonly label: string;
    readonly hint: string;
    readonly confirmButton: string;
    readonly sendButton: string;
    readonly newCodeButton: string;
    readonly newCodeLead: string;
    readonly triesLeft: (count: number) => string;
    readonly errorFormat: string;
    readonly errorWrong: (triesLeft: number) => string;
    readonly errorExpired: string;
    readonly errorNone: string;
  };

  readonly form: {
    readonly forOrganisation: (organisation: string, category: string) => string;
    readonly stepsLead: string;
    readonly declarationHeading: string;
    /** Before the SHA-256 recorded at signing, which covers the declaration text and the commitments shown below it. */
    readonly fingerprint: string;
    readonly otherLanguages: string;
    readonly commitmentsLegend: string;
    readonly commitmentsHint: string;
    readonly signerHeading: string;
    readonly signerName: string;
    readonly signerTitle: string;
    readonly signerTitleHint: string;
    /** Heading of the consent box; the statement itself is legal text, in functions/domain/consent.ts. */
    readonly consentLegend: string;
    /** Heading and hint of the optional box to be listed in the public register; the statement is legal text, in functions/domain/publication.ts. */
    readonly publicationLegend: string;
    readonly publicationHint: string;
    readonly signButton: string;
    readonly declineHeading: string;
    readonly declineLead: string;
    readonly declineReason: string;
    readonly declineButton: string;
    readonly errorSummary: string;
    readonly errorNameRequired: string;
    readonly errorTitleRequired: string;
    readonly errorTooLong: (max: number) => string;
    readonly errorControlCharacters: string;
    readonly errorConsent: string;
    readonly errorRequiredCommitment: (text: string) => string;
    readonly errorReasonRequired: string;
    readonly errorOutdated: string;
  };

  readonly outcome: {
    readonly signedTitle: string;
    readonly signedLead: (organisation: string) => string;
    readonly nextSteps: readonly [string, string, string];
    readonly confirmationSent: string;
    readonly closePage: string;
    readonly declinedTitle: string;
    readonly declinedLead: (organisation: string) => string;
  };

  /** Pages for a link or session that cannot be used, and refused requests: a title and what to do next. */
  readonly problems: {
    readonly linkUnknown: Problem;
    readonly linkExpired: Problem;
    /** A link or session of an earlier generation: the contact was corrected or the organisation invited again. */
    readonly linkReplaced: Problem;
    readonly linkSigned: Problem;
    readonly linkDeclined: Problem;
    readonly linkRevoked: Problem;
    readonly linkLocked: Problem;
    readonly sessionUnknown: Problem;
    readonly sessionExpired: Problem;
    readonly codeRequired: Problem;
    readonly forbidden: Problem;
    readonly badForm: Problem;
    readonly unsupportedForm: Problem;
    readonly rateLimited: (time: string, minutes: number) => Problem;
    readonly serverError: Problem;
    readonly openLinkAgain: string;
    readonly backToSigning: string;
  };

  readonly email: {
    readonly greeting: (name: string) => string;
    readonly footerQuestions: string;
    readonly footerAutomatic: string;
    readonly invitationSubject: (title: string) => string;
    readonly invitationLead: (organisation: string) => string;
    readonly reminderSubject: (title: string) => string;
    readonly reminderLead: (organisation: string) => string;
    readonly newLinkSubject: (title: string) => string;
    readonly newLinkLead: (organisation: string) => string;
    readonly linkInstructions: string;
    readonly linkButton: string;
    readonly linkCopy: string;
    readonly linkSafety: string;
    readonly linkCodeNotice: string;
    readonly linkValidity: (date: string) => string;
    readonly codeSubject: string;
    readonly codeLead: string;
    readonly codeValidity: (time: string) => string;
    readonly codeNotYou: string;
    readonly confirmationSubject: (title: string) => string;
    readonly confirmationLead: (organisation: string) => string;
    readonly confirmationSigner: string;
    readonly confirmationFunction: string;
    readonly confirmationTime: string;
    readonly confirmationLanguage: string;
    readonly confirmationNotYou: string;
    readonly deliverySubject: (title: string) => string;
    readonly deliveryLead: (organisation: string) => string;
    readonly deliveryFingerprint: string;
    readonly deliveryVerify: string;
    /** The declaration has no version in the reader's language: says which one they will read (its endonym). */
    readonly versionNotice: (versionLanguageName: string) => string;
  };

  /** The sealed certificate and the joint declaration (PDF), in the language of the declaration version signed. */
  readonly document: DocumentLabels;

  /** The public register of signatories: organisations that agreed to be listed, by country and category. */
  readonly register: {
    readonly title: string;
    readonly lead: string;
    readonly whoIsListed: string;
    readonly declarationsHeading: string;
    readonly noDeclarations: string;
    readonly listedCount: (count: number) => string;
    readonly noneListed: string;
    readonly countryHeading: (country: string, count: number) => string;
    readonly categoryHeading: (category: string, count: number) => string;
    readonly jointSealed: (date: string, count: number) => string;
    readonly jointCheck: string;
    readonly jointNotYet: string;
    readonly allDeclarations: string;
    readonly otherLanguages: string;
    readonly notFound: Problem;
  };
}

export interface Problem {
  readonly title: string;
  readonly message: string;
  readonly next: string;
}

/** Wording of the PDF documents. Legal weight statements are worded here; names of people and organisations are data. */
export interface DocumentLabels {
  /** "European Commission": the authority that countersigns and seals. */
  readonly authority: string;
  /** "European Ports Alliance". */
  readonly product: string;
  readonly certificateKind: string;
  readonly jointDeclarationKind: string;
  readonly jointDeclarationPreviewKind: string;
  readonly version: string;
  readonly language: string;
  readonly textSha256: string;
  readonly documentId: string;
  /** Footer: "Document <id>". */
  readonly footerDocument: (documentId: string) => string;
  /** Footer: "Page 2 of 5". */
  readonly page: (pageNumber: number, pageCount: number) => string;
  readonly declarationHeading: string;
  readonly commitmentsHeading: (category: string) => string;
  readonly accepted: string;
  readonly notAccepted: string;
  /** Appended to a required commitment's text: "(required)". */
  readonly requiredMark: string;
  readonly signatoryHeading: string;
  readonly organisation: string;
  readonly category: string;
  readonly country: string;
  readonly name: string;
  readonly function: string;
  readonly emailAddress: string;
  readonly signedAt: string;
  readonly publicRegister: string;
  readonly publicRegisterAgreed: string;
  readonly countersignatureHeading: string;
  readonly onBehalfOf: string;
  readonly countersignedAt: string;
  readonly verificationHeading: string;
  readonly checkCertificateLead: string;
  readonly checkDocumentLead: string;
  /** How the signatory signed and what the seal means (a simple electronic signature, a countersignature, a seal). */
  readonly legalWeight: string;
  /** The seal panel on the first page. */
  readonly seal: {
    readonly heading: string;
    /** Whose certificate sealed the document (its subject). */
    readonly sealedBy: string;
    readonly sealedAt: string;
    /** "PAdES level". */
    readonly level: string;
    /** How to check the seal: open the file in a PDF reader's signature panel, or the verification address. */
    readonly howToCheck: string;
    /** Beside the time of sealing when the seal carries a timestamp: the timestamp's time is the one to trust. */
    readonly trustedTime: string;
  };
  readonly audit: {
    readonly heading: string;
    readonly lead: string;
    readonly checksHeading: string;
    readonly noChecks: string;
    readonly passed: string;
    readonly failed: string;
    /** Human names of the automatic checks, by their id. */
    readonly checks: Readonly<Record<'text-hash' | 'required-commitments' | 'email-domain' | 'one-time-code', string>>;
    readonly sessionHeading: string;
    readonly clientAddress: string;
    readonly clientAddressHashed: string;
    readonly keyedHash: string;
    /** What each recorded event reads as. */
    readonly events: Readonly<Record<AuditEventType, string>>;
  };
  readonly joint: {
    readonly signatories: string;
    /** "1,234 organisations, each countersigned by the European Commission (Annex)", the number already formatted. */
    readonly signatoriesSummary: (count: number, formattedCount: string) => string;
    readonly previewMade: string;
    readonly campaignClosed: string;
    /** "Annex: the 1,234 signatories". */
    readonly annexHeading: (count: number, formattedCount: string) => string;
    readonly signedBy: string;
    readonly dateUtc: string;
    readonly previewMark: string;
  };
  /** PDF metadata. */
  readonly metadata: {
    readonly certificateTitle: (declarationTitle: string, documentId: string) => string;
    readonly certificateSubject: (signerName: string, organisation: string) => string;
    readonly jointTitle: (declarationTitle: string, count: number, formattedCount: string) => string;
  };
}
