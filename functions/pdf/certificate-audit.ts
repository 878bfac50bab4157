import type { PageWriter } from './page-writer';
import { formatUtc, writeHeading, writeRows, type DocumentLabels, type Styles } from './typesetting';

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

/**
 * The audit trail: what happened when, by whom, and what the automatic checks found, each by its name in
 * the document's language. It follows the verification block on the same page when there is room.
 */
export function writeAuditTrail(writer: PageWriter, styles: Styles, labels: DocumentLabels, audit: AuditTrail): void {
  const { audit: wording } = labels;
  writeHeading(writer, styles, wording.heading, styles.label.leading + 4 + 3 * styles.body.leading);
  writer.text(wording.lead, styles.label);
  writer.skip(4);
  for (const event of audit.events) {
    writer.labelled(formatUtc(event.at, 'audit event time'), styles.label, TIME_COLUMN_WIDTH, `${eventName(wording.events, event.type)}  ·  ${event.actor}`, styles.body);
    writer.skip(1);
  }
  writeHeading(writer, styles, wording.checksHeading);
  if (audit.checks.length === 0) writer.text(wording.noChecks, styles.body);
  for (const check of audit.checks) {
    const name = (wording.checks as Readonly<Record<string, string>>)[check.check];
    // A check we have no name for is shown by what it recorded; a failed one also says why.
    const described = name === undefined ? `${check.check}: ${check.detail}` : check.passed || check.detail === '' ? name : `${name}: ${check.detail}`;
    writer.labelled(check.passed ? wording.passed : wording.failed, styles.status, STATUS_COLUMN_WIDTH, described, styles.body);
    writer.skip(2);
  }
  if (audit.clientAddressHash) {
    writeHeading(writer, styles, wording.sessionHeading);
    writeRows(writer, styles, [[wording.clientAddress, wording.clientAddressHashed]]);
    writer.labelled(wording.keyedHash, styles.label, 120, audit.clientAddressHash, styles.digest);
  }
}

/** An event by its name in the document's language; a type without one reads as words ("INVITATION_SENT": "Invitation sent"). */
function eventName(names: Readonly<Record<string, string>>, type: string): string {
  const name = names[type];
  if (name !== undefined) return name;
  const words = type.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
