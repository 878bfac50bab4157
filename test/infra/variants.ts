/**
 * The deployment configurations (CDK context) the infra tests synthesize besides the default one.
 * test/infra/stacks.test.ts runs CDK's CloudFormation validation on each; the others skip it.
 */
export const VARIANTS = {
  alarmEmail: { alarmEmail: 'ops@ports-alliance.example.eu' },
  cognitoDomain: { cognitoDomainPrefix: 'ports-alliance-signing' },
  shortTimings: { reminderIntervalSeconds: 5, reminderCount: 1 },
  sourceMaps: { sourceMaps: true },
  edgeDomain: {
    edgeDomainName: 'signing.ports-alliance.example.eu',
    edgeCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
  },
} as const satisfies Record<string, Record<string, unknown>>;

