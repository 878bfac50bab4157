import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Declaration, DeclarationContent } from '../domain/declaration';
import { notificationSettingsOf } from '../domain/notifications';
import { auditEventPut, type NewDeclarationAuditEvent } from './audit';
import { db, keys, queryAll, tableName, transact, withoutKeys } from './table';

/** Who changed the declaration, and what the audit event records beside the change. */
export type DeclarationEvent = Omit<NewDeclarationAuditEvent, 'declarationId'>;

/** Stores a new declaration with its audit event. */
export async function putDeclaration(declaration: Declaration, event: DeclarationEvent): Promise<void> {
  const result = await transact([
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...keys.declaration(declaration.id),
          GSI1PK: keys.declarationsIndex,
          GSI1SK: `${declaration.createdAt}#${declaration.id}`,
          ...declaration,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    auditEventPut({ ...event, declarationId: declaration.id }),
  ]);
  if (!result.ok) throw new Error(`declaration id ${declaration.id} is taken`);
}

export async function getDeclaration(id: string): Promise<Declaration | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.declaration(id) }));
  return Item ? withDefaults(withoutKeys<Declaration>(Item)) : undefined;
}

/** Content of opened declarations, kept by a warm container: at most a few dozen declarations exist. */
const openedContent = new Map<string, DeclarationContent>();
const OPENED_CONTENT_KEPT = 50;

/**
 * A declaration's content. Once the declaration is open its content never changes, so a warm
 * container reads it once instead of on every signing request and workflow task; whoever decides
 * on the status (open, closed) reads `getDeclaration`.
 */
export async function getDeclarationContent(id: string): Promise<DeclarationContent | undefined> {
  const kept = openedContent.get(id);
  if (kept) return kept;
  const declaration = await getDeclaration(id);
  if (!declaration) return undefined;
  const { status, closedAt: _closedAt, ...content } = declaration;
  if (status !== 'DRAFT') {
    if (openedContent.size >= OPENED_CONTENT_KEPT) openedContent.delete(openedContent.keys().next().value!);
    openedContent.set(id, content);
  }
  return content;
}

/** Declarations stored before these settings existed read as the defaults. */
function withDefaults(declaration: Declaration): Declaration {
  return { ...declaration, reminders: declaration.reminders ?? { automatic: true }, oneTimeCode: declaration.oneTimeCode ?? true, organisationDomains: declaration.organisationDomains ?? [], notifications: notificationSettingsOf(declaration) };
}

export interface DeclarationSummary {
  readonly id: string;
  readonly version: string;
  readonly status: Declaration['status'];
  readonly title: string;
  readonly createdAt: string;
  readonly deadline?: string;
}

/** Newest first. */
export async function listDeclarations(): Promise<DeclarationSummary[]> {
  const items = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.declarationsIndex },
    ScanIndexForward: false,
  });
  return items.map((item) => {
    const declaration = withoutKeys<Declaration>(item);
    return {
      id: declaration.id,
      version: declaration.version,
      status: declaration.status,
      title: declaration.texts[declaration.defaultLanguage]?.title ?? declaration.id,
      createdAt: declaration.createdAt,
      deadline: declaration.deadline,
    };
  });
}

/** Replaces a draft whole, with its audit event; false when it is no longer a draft (opened meanwhile). */
export async function replaceDraft(declaration: Declaration, event: DeclarationEvent): Promise<boolean> {
  const result = await transact([
    {
      Put: {
        TableName: tableName(),
        Item: { ...keys.declaration(declaration.id), GSI1PK: keys.declarationsIndex, GSI1SK: `${declaration.createdAt}#${declaration.id}`, ...declaration },
        ConditionExpression: '#status = :draft',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':draft': 'DRAFT' },
      },
    },
    auditEventPut({ ...event, at: declaration.updatedAt, declarationId: declaration.id }),
  ]);
  return result.ok;
}

/**
 * Moves a declaration from one status to the next, stamping when, with its audit event; false
 * when it was not in `from`.
 */
export async function changeDeclarationStatus(id: string, from: Declaration['status'], to: Declaration['status'], stamp: 'openedAt' | 'closedAt', event: DeclarationEvent, now: Date): Promise<boolean> {
  const result = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.declaration(id),
        UpdateExpression: 'SET #status = :to, #stamp = :now, #by = :by',
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status', '#stamp': stamp, '#by': stamp === 'openedAt' ? 'openedBy' : 'closedBy' },
        ExpressionAttributeValues: { ':from': from, ':to': to, ':now': now.toISOString(), ':by': event.actor },
      },
    },
    auditEventPut({ ...event, at: now.toISOString(), declarationId: id }),
  ]);
  return result.ok;
}

/**
 * Moves an open declaration's deadline from `from` (as read) to `to`, stamping who and when, with
 * its audit event; false when the declaration is no longer open or its deadline changed meanwhile.
 */
export async function moveDeadline(id: string, from: string, to: string, event: DeclarationEvent, now: Date): Promise<boolean> {
  const result = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.declaration(id),
        UpdateExpression: 'SET #deadline = :to, #movedAt = :now, #movedBy = :by',
        ConditionExpression: '#status = :open AND #deadline = :from',
        ExpressionAttributeNames: { '#status': 'status', '#deadline': 'deadline', '#movedAt': 'deadlineMovedAt', '#movedBy': 'deadlineMovedBy' },
        ExpressionAttributeValues: { ':open': 'OPEN', ':from': from, ':to': to, ':now': now.toISOString(), ':by': event.actor },
      },
    },
    auditEventPut({ ...event, at: now.toISOString(), declarationId: id }),
  ]);
  return result.ok;
}
