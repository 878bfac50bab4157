import type { Context } from 'aws-lambda';
import { addLambdaContext, loggableError, logger } from './logger';
import { isTransient, TransientError } from './errors';

/**
 * The frame of every workflow task: logs with the Lambda context and the commitment id only, and turns transient AWS
 * failures into TransientError, which the state machine retries with backoff and jitter.
 */
export function taskHandler<P extends { commitmentId: string }, R>(name: string, operation: (payload: P) => Promise<R>) {
  return async (payload: P, context?: Context): Promise<R> => {
    addLambdaContext(context);
    try {
      return await operation(payload);
    } catch (error) {
      logger.error('task failed', { task: name, commitmentId: payload.commitmentId, error: loggableError(error) });
      if (!(error instanceof TransientError) && isTransient(error)) throw new TransientError((error as Error).message, { cause: error });
      throw error;
    }
  };
}
