import type { Context } from 'aws-lambda';
import { addLambdaContext, loggableError, logger } from './logger';

/**
 * The frame of a function invoked asynchronously by an event source: logs carry the Lambda context;
 * a failure is logged (without the event, which may hold addresses) and rethrown, so that Lambda retries the event
 * and, after the last retry, puts it in the function's dead-letter queue.
 */
export function eventHandler<E, R>(name: string, operation: (event: E) => Promise<R>) {
  return async (event: E, context?: Context): Promise<R> => {
    addLambdaContext(context);
    try {
      return await operation(event);
    } catch (error) {
      logger.error('event failed', { function: name, error: loggableError(error) });
      throw error;
    }
  };
}
