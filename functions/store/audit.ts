import type { AuditEventType } from '../domain/audit-events';
import type { Commitment } from '../domain/commitment';
import { newId } from '../domain/ids';
import { keys, queryAll, tableName, transact, withoutKeys, type TransactItem } from './table';
import { clock } from '../shared/clock';

export interface AuditEvent {
  readonly id: string;
  /** Absent on a declaration's own events (created, edited, opened, closed, its settings changed). */
  readonly commitmentId?: string;
  readonly declarationId: string;
  readonly at: string;
  readonly type: AuditEventType;
  /** Who acted: `operator`, `workflow`, `ses`, or the admin's user id. */
  readonly actor: string;
  /** An admin's name and address as their sign-in claims give them. */
  readonly actorName?: string;
  readonly actorEmail?: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** `id` when the event must sort after another of the same instant (`orderedIds`); a new one otherwise. */
export type NewAuditEvent = Omit<AuditEvent, 'id' | 'at' | 'commitmentId'> & { commitmentId: string; at?: string; id?: string };
export type NewDeclarationAuditEvent = Omit<AuditEvent, 'id' | 'at' | 'commitmentId'> & { at?: string };

/** An admin as an audit event names them: user id, and name and address from their sign-in claims. */
export function adminActor(admin: { readonly userId: string; readonly name: string; readonly email: string }): Pick<AuditEvent, 'actor' | 'actorName' | 'actorEmail'> {
  return { actor: admin.userId, ...(admin.name ? { actorName: admin.name } : {}), ...(admin.email ? { actorEmail: admin.email } : {}) };
}

/**
 * The audit event as one item of the transaction that makes the change it records. A commitment's
 * events live with the commitment; a declaration's own events with the declaration. Both are in
 * the declaration's trail (GSI1 `DECL#id#AUDIT`), so the exported chain covers both.
 */
export function auditEventPut(event: NewAuditEvent | NewDeclarationAuditEvent): TransactItem {
  const at = event.at ?? clock.now().toISOString();
  const id = ('id' in event ? event.id : undefined) ?? newId('evt');
  return {
    Put: {
      TableName: tableName(),
      Item: {
        PK: 'commitmentId' in event && event.commitmentId ? `CMT#${event.commitmentId}` : `DECL#${event.declarationId}`,
        SK: `${keys.eventPrefix}${at}#${id}`,
        GSI1PK: keys.auditOf(event.declarationId),
        GSI1SK: `${at}#${id}`,
        ...event,
        id,
        at,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

export async function listCommitmentEvents(commitmentId: string): Promise<AuditEvent[]> {
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': `CMT#${commitmentId}`, ':prefix': keys.eventPrefix },
  });
  return items.map((item) => withoutKeys<AuditEvent>(item));
}

/**
 * The commitment and its audit events in one query of its partition (`COMMITMENT` sorts before
 * `EVENT#`; a stored document's items between them are skipped): what the certificate prints.
 */
export async function getCommitmentWithEvents(commitmentId: string): Promise<{ commitment: Commitment | undefined; events: AuditEvent[] }> {
  const commitmentKey = keys.commitment(commitmentId);
  const items = await queryAll({
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :commitment AND :lastEvent',
    ExpressionAttributeValues: { ':pk': commitmentKey.PK, ':commitment': commitmentKey.SK, ':lastEvent': `${keys.eventPrefix}\uffff` },
    ConsistentRead: true,
  });
  const commitmentItem = items.find((item) => item.SK === commitmentKey.SK);
  return {
    commitment: commitmentItem ? withoutKeys<Commitment>(commitmentItem) : undefined,
    events: items.filter((item) => String(item.SK).startsWith(keys.eventPrefix)).map((item) => withoutKeys<AuditEvent>(item)),
  };
}

/** An event that records something outside a state change (an email sent). */
export async function recordEvent(event: NewAuditEvent | NewDeclarationAuditEvent): Promise<void> {
  const result = await transact([auditEventPut(event)]);
  if (!result.ok) throw new Error('audit event id collision');
}
