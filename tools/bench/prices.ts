/**
 * AWS's public on-demand prices used by `npm run cost`, as published on the services' pricing
 * pages for US East (N. Virginia). Recorded on 2026-11-26; check them before relying on a figure.
 * EU regions are within a few percent for these services (Europe (Ireland) is identical for Step
 * Functions, Lambda and SES).
 */
export const PRICES = {
  recordedOn: '2026-11-26',
  region: 'us-east-1',
  currency: 'USD',
  stepFunctionsStandardPerStateTransition: 0.025 / 1_000,
  lambdaPerRequest: 0.2 / 1_000_000,
  /** Arm64 (Graviton), first 7.5 billion GB-seconds a month. */
  lambdaArmPerGbSecond: 0.0000133334,
  /** On-demand, Standard table class. */
  dynamodbPerWriteRequestUnit: 0.625 / 1_000_000,
  dynamodbPerReadRequestUnit: 0.125 / 1_000_000,
  sesPerEmail: 0.1 / 1_000,
  sesPerAttachmentGb: 0.12,
  /** HTTP APIs, first 300 million requests a month (metered per 512 KB). */
  httpApiPerRequest: 1.0 / 1_000_000,
  /** S3 Standard: PUT, COPY, POST and LIST requests. */
  s3PerWriteRequest: 0.005 / 1_000,
  /** S3 Standard: GET and all other requests. */
  s3PerReadRequest: 0.0004 / 1_000,
} as const;
