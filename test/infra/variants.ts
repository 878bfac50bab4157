/**
 * The deployment configurations (CDK context) the infra tests synthesize besides the default one.
 * test/infra/stacks.test.ts runs CDK's CloudFormation validation on each; the others skip it.
 */
export const VARIANTS = {
  alarmEmail: { alarmEmail: 'ops@ports-alliance.example.eu' },
  cognitoDomain: { cognitoDomainPrefix: 'ports-alliance-signing' },
  shortTimings: { reminderIntervalSeconds: 5, reminderCount: 1 },
  sourceMaps: { sourceMaps: true },
} as const satisfies Record<string, Record<string, unknown>>;
