import { loggableError, logger } from './logger';

/**
 * The frame of a function invoked asynchronously by an event source: a failure is logged
 * (without the event, which may hold addresses) and rethrown, so that Lambda retries the event
 * and, after the last retry, puts it in the function's dead-letter queue.
 */
export function eventHandler<E, R>(name: string, operation: (event: E) => Promise<R>) {
  return async (event: E): Promise<R> => {
    try {
      return await operation(event);
    } catch (error) {
      logger.error('event failed', { function: name, error: loggableError(error) });
      throw error;
    }
  };
}
