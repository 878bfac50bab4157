import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/**
 * DynamoDB cancels a transaction that touches an item another transaction is writing at the same
 * moment (TransactionConflict). Many concurrent submissions on one commitment meet this; tried
 * again, all but the winner then fail on its condition, which is the answer they should get.
 */
export async function retryOnTransactionConflict<T>(operation: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= attempts || !isTransactionConflict(error)) throw error;
      // Full jitter, growing: 0-20 ms, 0-40 ms, ...
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** (attempt - 1)));
    }
  }
}

export function isTransactionConflict(error: unknown): boolean {
  return (
    error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict')
  );
}
