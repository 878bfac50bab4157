import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Declaration, DeclarationContent } from '../domain/declaration';
import { notificationSettingsOf } from '../domain/notifications';
import { auditEventPut, type NewDeclarationAuditEvent } from './audit';
import { db, keys, queryAll, tableName, transact, withoutKeys } from './table';

/** Who changed the declaration, and what the audit event records beside the change. */
export type DeclarationEvent = Omit<NewDeclarationAuditEvent, 'declarationId'>;

/**
 * A declaration is two items: its record (status, settings, dates, the default language's title),
 * indexed in GSI1 for the list and rewritten by every status change, and its content (the texts
 * and clauses in every language, tens of KB), written only with a draft and never indexed. Every
 * write of an indexed item is billed again for its index copy, so the content kept out of the
 * record costs its size once per save instead of again for GSI1 and on each opening, closing and
 * deadline moved. A declaration stored whole in one item, before the split, reads the same.
 */
function declarationItems(declaration: Declaration): { record: Record<string, unknown>; content: Record<string, unknown> } {
  const { texts, commitments, ...record } = declaration;
  return {
    record: {
      ...keys.declaration(declaration.id),
      GSI1PK: keys.declarationsIndex,
      GSI1SK: `${declaration.createdAt}#${declaration.id}`,
      ...record,
      title: texts[declaration.defaultLanguage]?.title,
    },
    content: { ...keys.declarationContent(declaration.id), texts, commitments },
  };
}

/** Stores a new declaration with its audit event. */
export async function putDeclaration(declaration: Declaration, event: DeclarationEvent): Promise<void> {
  const { record, content } = declarationItems(declaration);
  const result = await transact([
    { Put: { TableName: tableName(), Item: record, ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName(), Item: content } },
    auditEventPut({ ...event, declarationId: declaration.id }),
  ]);
  if (!result.ok) throw new Error(`declaration id ${declaration.id} is taken`);
}

/** The record and the content in one query of the declaration's partition (`DECLARATION`, `DECLARATION#CONTENT`). */
export async function getDeclaration(id: string): Promise<Declaration | undefined> {
  const { Items = [] } = await db().send(new QueryCommand({
    TableName: tableName(),
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :record)',
    ExpressionAttributeValues: { ':pk': keys.declaration(id).PK, ':record': keys.declaration(id).SK },
  }));
  const record = Items.find((item) => item.SK === keys.declaration(id).SK);
  if (!record) return undefined;
  const content = Items.find((item) => item.SK === keys.declarationContent(id).SK);
  const { title: _title, ...fields } = withoutKeys<Declaration & { title?: string }>({ ...record, ...(content ? { texts: content.texts, commitments: content.commitments } : {}) });
  return withDefaults(fields);
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
    // A declaration stored whole, before the split, carries its texts instead of its title.
    const declaration = withoutKeys<Omit<Declaration, 'texts'> & { title?: string; texts?: Declaration['texts'] }>(item);
    return {
      id: declaration.id,
      version: declaration.version,
      status: declaration.status,
      title: declaration.title ?? declaration.texts?.[declaration.defaultLanguage]?.title ?? declaration.id,
      createdAt: declaration.createdAt,
      deadline: declaration.deadline,
    };
  });
}

/** Replaces a draft whole, with its audit event; false when it is no longer a draft (opened meanwhile). */
export async function replaceDraft(declaration: Declaration, event: DeclarationEvent): Promise<boolean> {
  const { record, content } = declarationItems(declaration);
  const result = await transact([
    {
      Put: {
        TableName: tableName(),
        Item: record,
        ConditionExpression: '#status = :draft',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':draft': 'DRAFT' },
      },
    },
    { Put: { TableName: tableName(), Item: content } },
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
