import type { Commitment } from '../domain/commitment';
import { auditEventPut, type NewAuditEvent } from './audit';
import { clearCodes } from './one-time-codes';
import { keys, tableName, transact } from './table';

/**
 * Records that an admin resends the link: counts the resend (conditioned on the count the admin
 * saw, so that a double click counts once), clears the one-time codes and with them a lock, and records
 * the audit event, in one transaction, while the commitment still awaits its signature.
 */
export async function recordResend(commitment: Pick<Commitment, 'id' | 'declarationId'>, seenResends: number, event: Omit<NewAuditEvent, 'commitmentId' | 'declarationId'>): Promise<boolean> {
  const result = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: keys.commitment(commitment.id),
        UpdateExpression: 'SET resends = :next',
        ConditionExpression: seenResends === 0 ? '#state = :invited AND attribute_not_exists(resends)' : '#state = :invited AND resends = :seen',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':invited': 'INVITED', ':next': seenResends + 1, ...(seenResends === 0 ? {} : { ':seen': seenResends }) },
      },
    },
    auditEventPut({ ...event, commitmentId: commitment.id, declarationId: commitment.declarationId }),
    clearCodes(commitment.id),
  ]);
  return result.ok;
}
