import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Commitment, CommitmentState } from '../domain/commitment';
import { adminActor, auditEventPut, type NewAuditEvent } from './audit';
import { db, keys, queryAll, tableName, transact, withoutKeys, type TransactItem } from './table';
import { clock } from '../shared/clock';

export type CreateInvitationResult = { created: true } | { created: false; existingCommitmentId: string };

/**
 * Records a new invitation: the commitment, a guard item that makes the invited address unique
 * within the declaration, and the audit event, all or nothing.
 */
export async function createInvitation(commitment: Commitment, admin?: { readonly userId: string; readonly name: string; readonly email: string }): Promise<CreateInvitationResult> {
  const guard = keys.invitee(commitment.declarationId, commitment.organisation.email);
  const result = await transact([
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...keys.commitment(commitment.id),
          GSI1PK: keys.commitmentsOf(commitment.declarationId),
          GSI1SK: `${commitment.invitedAt}#${commitment.id}`,
          ...commitment,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: { ...guard, commitmentId: commitment.id },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    auditEventPut({
      commitmentId: commitment.id,
      declarationId: commitment.declarationId,
      at: commitment.invitedAt,
      type: 'INVITED',
      ...(admin ? adminActor(admin) : { actor: commitment.invitedBy }),
      detail: { organisation: commitment.organisation.name, category: commitment.organisation.category, country: commitment.organisation.country },
    }),
  ]);
  if (result.ok) return { created: true };
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: guard, ConsistentRead: true }));
  if (!Item) throw new Error(`invitation ${commitment.id} was refused but no earlier invitation holds its address`);
  return { created: false, existingCommitmentId: String(Item.commitmentId) };
}

export async function getCommitment(id: string): Promise<Commitment | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.commitment(id), ConsistentRead: true }));
  return Item ? withoutKeys<Commitment>(Item) : undefined;
}

/** Every commitment of a declaration, oldest invitation first. */
export async function listCommitments(declarationId: string): Promise<Commitment[]> {
  const items = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.commitmentsOf(declarationId) },
  });
  return items.map((item) => withoutKeys<Commitment>(item));
}

export interface TransitionRequest {
  readonly commitment: Pick<Commitment, 'id' | 'declarationId'>;
  readonly from: readonly CommitmentState[];
  readonly to: CommitmentState;
  /** Top-level attributes to set along with the state. */
  readonly set?: Readonly<Record<string, unknown>>;
  readonly event: Omit<NewAuditEvent, 'commitmentId' | 'declarationId'>;
  /** More items that must succeed together with the change (condition checks, puts). */
  readonly alongside?: readonly TransactItem[];
  /**
   * The change needs the commitment's links still valid: still in this link generation, and
   * unexpired at `validAt` when the commitment keeps its own `linksExpireAt`.
   */
  readonly links?: { readonly generation: number; readonly validAt: Date };
  readonly now?: Date;
}

/** `state`: the commitment was not in an expected state, or (with `links`) its links no longer hold. */
export type TransitionResult = { ok: true } | { ok: false; reason: 'state' | 'alongside'; alongsideIndex?: number };

/**
 * Moves a commitment from one of the expected states to the next, with its audit event, in one
 * transaction. A lost race (someone else moved it first) is an answer, not an exception.
 */
export async function transition(request: TransitionRequest): Promise<TransitionResult> {
  const now = (request.now ?? clock.now()).toISOString();
  const names: Record<string, string> = { '#state': 'state', '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':to': request.to, ':now': now };
  const assignments = ['#state = :to', '#updatedAt = :now'];
  Object.entries(request.set ?? {}).forEach(([attribute, value], index) => {
    names[`#s${index}`] = attribute;
    values[`:s${index}`] = value;
    assignments.push(`#s${index} = :s${index}`);
  });
  const fromPlaceholders = request.from.map((state, index) => {
    values[`:from${index}`] = state;
    return `:from${index}`;
  });
  let linksCondition = '';
  if (request.links) {
    names['#linkGeneration'] = 'linkGeneration';
    names['#linksExpireAt'] = 'linksExpireAt';
    values[':generation'] = request.links.generation;
    values[':validAt'] = request.links.validAt.getTime();
    const generation = request.links.generation === 0 ? '(attribute_not_exists(#linkGeneration) OR #linkGeneration = :generation)' : '#linkGeneration = :generation';
    linksCondition = ` AND ${generation} AND (attribute_not_exists(#linksExpireAt) OR #linksExpireAt > :validAt)`;
  }
  const result = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.commitment(request.commitment.id),
        UpdateExpression: `SET ${assignments.join(', ')}`,
        ConditionExpression: `attribute_exists(PK) AND #state IN (${fromPlaceholders.join(', ')})${linksCondition}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    auditEventPut({ ...request.event, at: request.event.at ?? now, commitmentId: request.commitment.id, declarationId: request.commitment.declarationId }),
    ...(request.alongside ?? []),
  ]);
  if (result.ok) return { ok: true };
  if (result.failedIndex === 0) return { ok: false, reason: 'state' };
  return { ok: false, reason: 'alongside', alongsideIndex: result.failedIndex - 2 };
}
