import type { PageWriter } from './page-writer';
import { formatUtc, writeHeading, writeRows, type Styles } from './typesetting';

export interface AuditTrail {
  /** The commitment's audit events, oldest first. */
  events: { at: string; type: string; actor: string }[];
  /** The automatic verification checks and their outcomes. */
  checks: { check: string; passed: boolean; detail: string }[];
  /** The signer's client address as recorded: a keyed hash (HMAC-SHA-256), never the address. */
  clientAddressHash?: string;
}

const TIME_COLUMN_WIDTH = 130;
const STATUS_COLUMN_WIDTH = 60;

/** The audit page: what happened when, by whom, and what the automatic checks found. */
export function writeAuditTrail(writer: PageWriter, styles: Styles, audit: AuditTrail): void {
  writer.newPage();
  writeHeading(writer, styles, 'Audit trail');
  writer.text('Every recorded event of this commitment, in UTC.', styles.label);
  writer.skip(4);
  for (const event of audit.events) {
    writer.labelled(formatUtc(event.at, 'audit event time'), styles.label, TIME_COLUMN_WIDTH, `${describeEvent(event.type)}  ·  ${event.actor}`, styles.body);
    writer.skip(1);
  }
  writeHeading(writer, styles, 'Verification checks');
  if (audit.checks.length === 0) writer.text('No automatic checks were recorded.', styles.body);
  for (const check of audit.checks) {
    writer.labelled(check.passed ? 'Passed' : 'Failed', styles.status, STATUS_COLUMN_WIDTH, `${check.check}: ${check.detail}`, styles.body);
    writer.skip(2);
  }
  if (audit.clientAddressHash) {
    writeHeading(writer, styles, 'Signing session');
    writeRows(writer, styles, [['Client address', 'recorded as a keyed hash (HMAC-SHA-256), not the address']]);
    writer.labelled('Keyed hash', styles.label, 120, audit.clientAddressHash, styles.digest);
  }
}

/** "COUNTERSIGNED" reads "Countersigned"; "INVITATION_SENT" reads "Invitation sent". */
function describeEvent(type: string): string {
  const words = type.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
