import type { AuditEventType } from '../domain/audit-events';
import { newId } from '../domain/ids';
import { keys, queryAll, tableName, transact, withoutKeys, type TransactItem } from './table';
import { clock } from '../shared/clock';

export interface AuditEvent {
  readonly id: string;
  readonly commitmentId: string;
  readonly declarationId: string;
  readonly at: string;
  readonly type: AuditEventType;
  /** Who acted: `operator`, `workflow`, or the admin's user id. */
  readonly actor: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export type NewAuditEvent = Omit<AuditEvent, 'id' | 'at'> & { at?: string };

/** The audit event as one item of the transaction that makes the change it records. */
export function auditEventPut(event: NewAuditEvent): TransactItem {
  const at = event.at ?? clock.now().toISOString();
  const id = newId('evt');
  return {
    Put: {
      TableName: tableName(),
      Item: {
        PK: `CMT#${event.commitmentId}`,
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

/** An event that records something outside a state change (an email sent). */
export async function recordEvent(event: NewAuditEvent): Promise<void> {
  const result = await transact([auditEventPut(event)]);
  if (!result.ok) throw new Error('audit event id collision');
}
