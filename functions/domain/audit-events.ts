/**
 * Every kind of event the audit trail records. A new kind is added here first: its wording
 * (`document.audit.events` of every catalog in templates/i18n, which the console shares) must
 * then name it, or the code does not type-check.
 */
export const AUDIT_EVENT_TYPES = [
  'INVITED',
  'INVITATION_SENT',
  'REMINDER_SENT',
  'LINK_RESENT',
  'VIEWED',
  'CODE_SENT',
  'CODE_CONFIRMED',
  'CODE_REJECTED',
  'LINK_LOCKED',
  'SIGNED',
  'DECLINED',
  'SIGNATURE_CONFIRMATION_SENT',
  'VERIFIED',
  'FLAGGED_FOR_REVIEW',
  'REVIEW_APPROVED',
  'REVIEW_REJECTED',
  'COUNTERSIGNED',
  'SEALED',
  'DELIVERED',
  'REVOKED',
  'EXPIRED',
  'FAILED',
  'CONTACT_CORRECTED',
  'MAIL_BOUNCED',
  'MAIL_COMPLAINED',
  'MAIL_REJECTED',
  'MAIL_DELAYED',
  'DECLARATION_CREATED',
  'DECLARATION_EDITED',
  'DECLARATION_OPENED',
  'DECLARATION_CLOSED',
  'NOTIFICATIONS_CHANGED',
  'REINVITED',
  'LINK_EXTENDED',
  'LINKS_FOLLOWED_DEADLINE',
  'DEADLINE_MOVED',
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];
