import type { Commitment } from '../domain/commitment';
import { roundOf, ROUND_ATTRIBUTES, type PastRound } from '../domain/rounds';
import { auditEventPut, type NewAuditEvent } from './audit';
import { clearCodes } from './one-time-codes';
import { keys, tableName, transact } from './table';

export interface NewRound {
  readonly invitedAt: Date;
  readonly invitedBy: string;
  readonly linksExpireAt: Date;
  /** What the round that ends came to. */
  readonly past: PastRound;
}

/** The commitment is still in the round and state it was read in. */
function sameRoundCondition(commitment: Commitment, values: Record<string, unknown>, names: Record<string, string>): string {
  names['#state'] = 'state';
  names['#round'] = 'round';
  values[':readState'] = commitment.state;
  const round = roundOf(commitment);
  if (round === 1) return 'attribute_exists(PK) AND #state = :readState AND attribute_not_exists(#round)';
  values[':readRound'] = round;
  return 'attribute_exists(PK) AND #state = :readState AND #round = :readRound';
}

/**
 * Starts the next round of a commitment that ended without a signature that counts: INVITED
 * again, in the next link generation (every earlier link and session stops working; counted up
 * in the write, so that a contact corrected meanwhile cannot leave its links in the new round), with the
 * ending round appended to its history, that round's outcome cleared, the one-time codes
 * forgotten, and the audit event, in one transaction. Conditioned on the round and state read, so
 * of two concurrent re-invitations one starts the round and the other is refused (false).
 */
export async function startRound(commitment: Commitment, next: NewRound, event: Omit<NewAuditEvent, 'commitmentId' | 'declarationId'>): Promise<boolean> {
  const names: Record<string, string> = {
    '#invitedAt': 'invitedAt', '#invitedBy': 'invitedBy', '#updatedAt': 'updatedAt', '#linkGeneration': 'linkGeneration',
    '#linksExpireAt': 'linksExpireAt', '#rounds': 'rounds',
  };
  const values: Record<string, unknown> = {
    ':invited': 'INVITED',
    ':nextRound': roundOf(commitment) + 1,
    ':invitedAt': next.invitedAt.toISOString(),
    ':invitedBy': next.invitedBy,
    ':one': 1,
    ':zero': 0,
    ':linksExpireAt': next.linksExpireAt.getTime(),
    ':past': [next.past],
    ':none': [],
  };
  const condition = sameRoundCondition(commitment, values, names);
  ROUND_ATTRIBUTES.forEach((attribute, index) => (names[`#r${index}`] = attribute));
  const result = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.commitment(commitment.id),
        UpdateExpression:
          'SET #state = :invited, #round = :nextRound, #invitedAt = :invitedAt, #invitedBy = :invitedBy, #updatedAt = :invitedAt, '
          + '#linkGeneration = if_not_exists(#linkGeneration, :zero) + :one, #linksExpireAt = :linksExpireAt, #rounds = list_append(if_not_exists(#rounds, :none), :past) '
          + `REMOVE ${ROUND_ATTRIBUTES.map((_, index) => `#r${index}`).join(', ')}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    auditEventPut({ ...event, at: next.invitedAt.toISOString(), commitmentId: commitment.id, declarationId: commitment.declarationId }),
    clearCodes(commitment.id),
  ]);
  return result.ok;
}

/**
 * Sets when the links of an open invitation stop working (an admin's extension), with its audit
 * event, while the commitment is still INVITED in the round it was read in.
 */
export async function extendLinks(commitment: Commitment, until: Date, by: string, now: Date, event: Omit<NewAuditEvent, 'commitmentId' | 'declarationId'>): Promise<boolean> {
  const names: Record<string, string> = { '#linksExpireAt': 'linksExpireAt', '#extension': 'extension', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = {
    ':until': until.getTime(),
    ':extension': { until: until.toISOString(), by, extendedAt: now.toISOString() },
    ':now': now.toISOString(),
  };
  const condition = sameRoundCondition(commitment, values, names);
  const result = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.commitment(commitment.id),
        UpdateExpression: 'SET #linksExpireAt = :until, #extension = :extension, #updatedAt = :now',
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    auditEventPut({ ...event, at: now.toISOString(), commitmentId: commitment.id, declarationId: commitment.declarationId }),
  ]);
  return result.ok;
}

/**
 * Gives an open invitation's links the expiry a moved deadline allows, with its audit event,
 * while it is INVITED in the round it was read in and its links' expiry is still the one read
 * (`readExpireAt`, undefined when the commitment kept none): an extension made meanwhile wins.
 */
export async function followDeadline(commitment: Commitment, readExpireAt: number | undefined, expiresAt: Date, event: Omit<NewAuditEvent, 'commitmentId' | 'declarationId'> & { at: string }): Promise<boolean> {
  const names: Record<string, string> = { '#linksExpireAt': 'linksExpireAt', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':expiresAt': expiresAt.getTime(), ':now': event.at };
  let condition = sameRoundCondition(commitment, values, names);
  if (readExpireAt === undefined) condition += ' AND attribute_not_exists(#linksExpireAt)';
  else {
    values[':readExpireAt'] = readExpireAt;
    condition += ' AND #linksExpireAt = :readExpireAt';
  }
  const result = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.commitment(commitment.id),
        UpdateExpression: 'SET #linksExpireAt = :expiresAt, #updatedAt = :now',
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    auditEventPut({ ...event, commitmentId: commitment.id, declarationId: commitment.declarationId }),
  ]);
  return result.ok;
}
