/**
 * Executions of the local Step Functions runtime live in memory, so a restart of the local stack
 * loses them while the records stay. On start, the local stack re-drives the workflow of every
 * commitment that is not in a final state, from its record: one StartExecution named after the
 * commitment and its round, as the invitation did. The tasks make that safe: an email already sent is claimed
 * and not sent again, a wait whose user already acted resumes itself, and verification, sealing
 * and delivery return what they recorded. (On AWS executions are durable; this is local only.)
 *
 * No Scan: declarations come from GSI1 `DECLARATIONS`, their commitments from GSI1 `DECL#<id>#CMT`.
 */
import { FINAL_STATES, type Commitment } from '../../functions/domain/commitment';
import { roundOf } from '../../functions/domain/rounds';
import { mapWithConcurrency } from '../../functions/operations/concurrency';
import { keys, queryAll, withoutKeys } from '../../functions/store/table';
import { startCommitmentExecution } from '../../functions/workflow/client';

export interface Recovery {
  readonly declarations: number;
  /** Unfinished commitments whose workflow was started again, by the state they were in. */
  readonly redriven: Readonly<Record<string, number>>;
}

export async function redriveUnfinishedCommitments(): Promise<Recovery> {
  const declarations = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.declarationsIndex },
    ProjectionExpression: '#id',
    ExpressionAttributeNames: { '#id': 'id' },
  });
  const redriven: Record<string, number> = {};
  for (const declaration of declarations) {
    const declarationId = String(declaration.id);
    const commitments = (await queryAll({
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.commitmentsOf(declarationId) },
    })).map((item) => withoutKeys<Commitment>(item));
    const unfinished = commitments.filter((commitment) => !FINAL_STATES.has(commitment.state));
    await mapWithConcurrency(unfinished, 8, async (commitment) => {
      await startCommitmentExecution({ commitmentId: commitment.id, declarationId, round: roundOf(commitment) });
      redriven[commitment.state] = (redriven[commitment.state] ?? 0) + 1;
    });
  }
  return { declarations: declarations.length, redriven };
}
