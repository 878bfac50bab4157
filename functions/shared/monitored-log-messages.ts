/**
 * Log messages that the deployment's monitoring counts with CloudWatch metric filters
 * (infra/monitoring.ts): change one here and the filter follows.
 */

/** Wrong one-time codes locked a signing link: many at once mean someone is guessing codes. */
export const LINK_LOCKED_LOG_MESSAGE = 'signing link locked after wrong codes';
