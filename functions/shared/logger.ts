import { Logger } from '@aws-lambda-powertools/logger';

/** One logger for all handlers. Never log link secrets, task tokens, codes or session ids. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'ports-alliance-signing' });
