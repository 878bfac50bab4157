import { createHash } from 'node:crypto';
import type { AuditEventType } from '../domain/audit-events';
import type { Commitment, ContactProblem } from '../domain/commitment';
import { linkGenerationOf } from '../domain/rounds';
import { adminActor, auditEventPut } from './audit';
import { getCommitment } from './commitments';
import { clearCodes } from './one-time-codes';
import { keys, tableName, transact } from './table';
import { clock } from '../shared/clock';

/** An SES event's key as the records name it (its SHA-256): the guard item's and the audit event's `detail.eventKey`. */
export const mailEventId = (eventKey: string) => createHash('sha256').update(eventKey).digest('hex');

/** One item per SES event already recorded, so that a notification delivered twice counts once. */
const mailEventKey = (commitmentId: string, eventKey: string) => ({
  PK: `CMT#${commitmentId}`,
  SK: `MAILEVENT#${mailEventId(eventKey)}`,
});

export const MAIL_PROBLEM_EVENT: Readonly<Record<ContactProblem['kind'], AuditEventType>> = {
  BOUNCE: 'MAIL_BOUNCED',
  COMPLAINT: 'MAIL_COMPLAINED',
  REJECT: 'MAIL_REJECTED',
  DELIVERY_DELAY: 'MAIL_DELAYED',
};

export type RecordContactProblemResult = 'marked' | 'duplicate' | 'other-address' | 'no-commitment';

/**
 * Records what SES reported: the audit event always, and the contact marked undeliverable when
 * the report is about the address the commitment still uses (an admin may have corrected it in
 * the meantime). One transaction, with a guard item per SES event: a repeated event is a no-op.
 */
export async function recordContactProblem(commitmentId: string, eventKey: string, problem: ContactProblem): Promise<RecordContactProblemResult> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const commitment = await getCommitment(commitmentId);
    if (!commitment) return 'no-commitment';
    const current = commitment.organisation.email === problem.address;
    const result = await transact([
      {
        Put: {
          TableName: tableName(),
          Item: { ...mailEventKey(commitmentId, eventKey), kind: problem.kind, sesMessageId: problem.sesMessageId, recordedAt: problem.reportedAt },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      auditEventPut({
        commitmentId,
        declarationId: commitment.declarationId,
        at: problem.reportedAt,
        type: MAIL_PROBLEM_EVENT[problem.kind],
        actor: 'ses',
        detail: { ...problem, currentContact: current, eventKey: mailEventId(eventKey) },
      }),
      ...(current
        ? [{
          Update: {
            TableName: tableName(),
            Key: keys.commitment(commitmentId),
            UpdateExpression: 'SET #undeliverable = :problem',
            ConditionExpression: 'attribute_exists(PK) AND #organisation.#email = :address',
            ExpressionAttributeNames: { '#undeliverable': 'undeliverable', '#organisation': 'organisation', '#email': 'email' },
            ExpressionAttributeValues: { ':problem': problem, ':address': problem.address },
          },
        }]
        : []),
    ]);
    if (result.ok) return current ? 'marked' : 'other-address';
    if (result.failedIndex === 0) return 'duplicate';
    // The address changed between the read and the write: read again.
  }
  throw new Error(`commitment ${commitmentId} kept changing while a mail report was recorded`);
}

export type CorrectContactResult =
  | { readonly ok: true; readonly commitment: Commitment }
  | { readonly ok: false; readonly reason: 'changed' | 'address-taken' };

/** The contact as an admin corrects it: who, where, in which language. */
export interface ContactDetails {
  readonly contactName: string;
  readonly email: string;
  readonly language: string;
}

/**
 * Replaces the contact's name, address and language, moves the declaration's invited-address
 * guard with the address, clears the undeliverable mark and the one-time codes, and moves the
 * commitment to its next link generation, so that every link and signing session issued before
 * stops working at once; with its audit event, in one transaction. Refused when the commitment
 * changed since `commitment` was read (its address or link generation), is delivered, or when
 * another commitment of the declaration already uses the new address.
 */
export async function correctContactDetails(commitment: Commitment, details: ContactDetails, admin: { readonly userId: string; readonly name: string; readonly email: string }, now = clock.now()): Promise<CorrectContactResult> {
  const previous = commitment.organisation.email;
  const generation = linkGenerationOf(commitment);
  const addressChanged = details.email !== previous;
  const names: Record<string, string> = {
    '#organisation': 'organisation', '#email': 'email', '#contactName': 'contactName', '#language': 'language', '#updatedAt': 'updatedAt',
    '#undeliverable': 'undeliverable', '#state': 'state', '#linkGeneration': 'linkGeneration',
  };
  const values: Record<string, unknown> = {
    ':email': details.email,
    ':contactName': details.contactName,
    ':language': details.language,
    ':previous': previous,
    ':now': now.toISOString(),
    ':delivered': 'DELIVERED',
    ':nextGeneration': generation + 1,
  };
  const sameGeneration = generation === 0 ? 'attribute_not_exists(#linkGeneration)' : '#linkGeneration = :generation';
  if (generation !== 0) values[':generation'] = generation;
  const result = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.commitment(commitment.id),
        UpdateExpression: 'SET #organisation.#email = :email, #organisation.#contactName = :contactName, #language = :language, #updatedAt = :now, '
          + '#linkGeneration = :nextGeneration REMOVE #undeliverable',
        ConditionExpression: `attribute_exists(PK) AND #organisation.#email = :previous AND ${sameGeneration} AND #state <> :delivered`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    ...(addressChanged
      ? [
        {
          Put: {
            TableName: tableName(),
            Item: { ...keys.invitee(commitment.declarationId, details.email), commitmentId: commitment.id },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Delete: {
            TableName: tableName(),
            Key: keys.invitee(commitment.declarationId, previous),
            ConditionExpression: 'attribute_not_exists(PK) OR commitmentId = :commitmentId',
            ExpressionAttributeValues: { ':commitmentId': commitment.id },
          },
        },
      ]
      : []),
    clearCodes(commitment.id),
    auditEventPut({
      commitmentId: commitment.id,
      declarationId: commitment.declarationId,
      at: now.toISOString(),
      type: 'CONTACT_CORRECTED',
      ...adminActor(admin),
      detail: {
        previousEmail: previous,
        email: details.email,
        ...(details.contactName !== commitment.organisation.contactName ? { previousContactName: commitment.organisation.contactName, contactName: details.contactName } : {}),
        ...(details.language !== commitment.language ? { previousLanguage: commitment.language, language: details.language } : {}),
        ...(commitment.undeliverable ? { problem: commitment.undeliverable.kind } : {}),
      },
    }),
  ]);
  if (result.ok) {
    const { undeliverable: _cleared, ...rest } = commitment;
    return {
      ok: true,
      commitment: {
        ...rest,
        organisation: { ...commitment.organisation, email: details.email, contactName: details.contactName },
        language: details.language,
        linkGeneration: generation + 1,
        updatedAt: now.toISOString(),
      },
    };
  }
  return { ok: false, reason: addressChanged && result.failedIndex === 1 ? 'address-taken' : 'changed' };
}
