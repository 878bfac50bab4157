import { describe, expect, it } from 'vitest';
import { DeploymentConfigError, parseDeploymentConfig } from '../../infra/config';
import { createApp } from '../../infra/create-app';
import { VARIANTS } from './variants';

const valid: Record<string, unknown> = {
  senderAddress: 'no-reply@ports-alliance.example.eu',
  commissionContactAddress: 'ports-alliance@ec.example.eu',
  appUrl: 'https://signing.ports-alliance.example.eu/',
  reminderIntervalSeconds: 604800,
  reminderCount: 3,
  reviewTimeoutSeconds: 2592000,
  countersignTimeoutSeconds: 7776000,
};

const parse = (overrides: Record<string, unknown> = {}) => {
  const context: Record<string, unknown> = { ...valid, ...overrides };
  return parseDeploymentConfig((key) => context[key]);
};

const problemsOf = (overrides: Record<string, unknown>): readonly string[] => {
  try {
    parse(overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(DeploymentConfigError);
    return (error as DeploymentConfigError).problems;
  }
  throw new Error('expected the configuration to be refused');
};

describe('deployment configuration', () => {
  it('reads the cdk.json values, without the trailing slash of appUrl', () => {
    expect(parse()).toEqual({
      ...valid,
      appUrl: 'https://signing.ports-alliance.example.eu',
      sealCertificateSecretName: undefined,
      timestampAuthorityUrl: undefined,
      sesConfigurationSetName: undefined,
      cognitoDomainPrefix: undefined,
      sourceMaps: false,
      logLevel: 'INFO',
      rateLimitPerAddress: undefined,
      rateLimitPerLink: undefined,
      developmentSignInUrl: undefined,
      logRetentionDays: 90,
      backupRetentionDays: 3650,
      backupCopyVaultArn: undefined,
      digestHourUtc: 7,
      edge: true,
      publicFunctionConcurrency: 10,
    });
  });

  it('keeps backups ten years unless set, and copies them only to a backup vault named by its ARN', () => {
    expect(parse({ backupRetentionDays: '4000' }).backupRetentionDays).toBe(4000);
    expect(problemsOf({ backupRetentionDays: 0 })).toEqual([expect.stringContaining('backupRetentionDays')]);
    expect(problemsOf({ backupCopyVaultArn: 'eu-central-1/vault' })).toEqual([expect.stringContaining('backupCopyVaultArn')]);
  });

  it('puts the edge in front unless the deployment is on this machine (the local stack has none)', () => {
    expect(parse({ appUrl: 'http://127.0.0.1:3000', edge: false }).edge).toBe(false);
    expect(parse({ appUrl: 'http://127.0.0.1:3000' }).edge).toBe(false);
    expect(parse().edge).toBe(true);
    expect(parse({ edge: 'true' }).edge).toBe(true);
    expect(problemsOf({ edge: false })).toEqual([expect.stringContaining('only the local stack goes without CloudFront')]);
    expect(problemsOf({ edge: 'no' })).toEqual([expect.stringContaining('edge')]);
  });

  it('takes a custom domain for the edge only with a us-east-1 certificate, and only the host of appUrl', () => {
    const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';
    expect(parse({ edgeDomainName: 'signing.ports-alliance.example.eu', edgeCertificateArn: certificateArn })).toMatchObject({
      edgeDomainName: 'signing.ports-alliance.example.eu', edgeCertificateArn: certificateArn,
    });
    expect(problemsOf({ edgeDomainName: 'signing.ports-alliance.example.eu' })).toEqual([expect.stringContaining('go together')]);
    expect(problemsOf({ edgeDomainName: 'signing.ports-alliance.example.eu', edgeCertificateArn: certificateArn.replace('us-east-1', 'eu-west-1') }))
      .toEqual([expect.stringContaining('us-east-1'), expect.stringContaining('go together')]);
    expect(problemsOf({ edgeDomainName: 'other.example.eu', edgeCertificateArn: certificateArn })).toEqual([expect.stringContaining('not the host of appUrl')]);
    expect(problemsOf({ edgeDomainName: 'Not A Domain', edgeCertificateArn: certificateArn })).toEqual([expect.stringContaining('edgeDomainName'), expect.stringContaining('go together')]);
  });

  it('reserves concurrency for public functions (10 unless set; 0 means none)', () => {
    expect(parse({ publicFunctionConcurrency: '0' }).publicFunctionConcurrency).toBe(0);
    expect(parse({ publicFunctionConcurrency: 25 }).publicFunctionConcurrency).toBe(25);
    expect(problemsOf({ publicFunctionConcurrency: -1 })).toEqual([expect.stringContaining('publicFunctionConcurrency')]);
  });

  it('keeps operational logs 90 days unless set, to one of the periods CloudWatch Logs offers', () => {
    expect(parse({ logRetentionDays: '30' }).logRetentionDays).toBe(30);
    expect(problemsOf({ logRetentionDays: 45 })).toEqual([expect.stringContaining('logRetentionDays')]);
  });

  it('reads the functions\' log level (INFO unless set) and refuses one Lambda does not know', () => {
    expect(parse({ logLevel: 'debug' }).logLevel).toBe('DEBUG');
    expect(problemsOf({ logLevel: 'SILENT' })).toEqual([expect.stringContaining('logLevel')]);
  });

  it('overrides the signing rate limits only with whole numbers of at least 1', () => {
    expect(parse({ rateLimitPerAddress: '1500' })).toMatchObject({ rateLimitPerAddress: 1500, rateLimitPerLink: undefined });
    expect(problemsOf({ rateLimitPerLink: 0 })).toEqual([expect.stringContaining('rateLimitPerLink')]);
  });

  it('offers a development sign-in only to a deployment on this machine', () => {
    expect(parse({ appUrl: 'http://127.0.0.1:3000', developmentSignInUrl: '/local/sign-in' }).developmentSignInUrl).toBe('/local/sign-in');
    expect(problemsOf({ developmentSignInUrl: '/local/sign-in' })).toEqual([expect.stringContaining('local stack only')]);
    expect(problemsOf({ appUrl: 'http://127.0.0.1:3000', developmentSignInUrl: 'https://elsewhere.example/sign-in' })).toEqual([expect.stringContaining('developmentSignInUrl')]);
  });

  it('turns source maps on only when asked (cdk -c sourceMaps=true), and refuses anything but true or false', () => {
    expect(parse({ sourceMaps: 'true' }).sourceMaps).toBe(true);
    expect(parse({ sourceMaps: false }).sourceMaps).toBe(false);
    expect(problemsOf({ sourceMaps: 'yes' })).toEqual([expect.stringContaining('sourceMaps')]);
  });

  it('accepts numbers given as strings on the command line (cdk -c reminderCount=1)', () => {
    expect(parse({ reminderCount: '1', reminderIntervalSeconds: '60' })).toMatchObject({ reminderCount: 1, reminderIntervalSeconds: 60 });
  });

  it('accepts http for localhost only', () => {
    expect(parse({ appUrl: 'http://localhost:3000' }).appUrl).toBe('http://localhost:3000');
    expect(problemsOf({ appUrl: 'http://signing.example.eu' })).toEqual([expect.stringContaining('appUrl')]);
  });

  it('names every bad value at once', () => {
    const problems = problemsOf({
      senderAddress: 'not an address',
      commissionContactAddress: undefined,
      reminderCount: -1,
      reviewTimeoutSeconds: 1.5,
      sesConfigurationSetName: 'has spaces',
    });
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/senderAddress.*commissionContactAddress is missing.*reminderCount.*reviewTimeoutSeconds.*sesConfigurationSetName/s);
  });

  it('refuses waits that do not fit in the one year a Standard execution may run', () => {
    expect(problemsOf({ countersignTimeoutSeconds: 365 * 24 * 3600 })).toEqual([expect.stringContaining('Standard execution')]);
  });

  it('refuses an appUrl with a query, a fragment or credentials', () => {
    expect(problemsOf({ appUrl: 'https://user:pw@signing.example.eu/?a=1' })).toHaveLength(1);
  });

  it('lets createApp override cdk.json, e.g. short timings for a local demo', () => {
    const { config } = createApp({ skipBundling: true, validateTemplates: false, context: VARIANTS.shortTimings });
    expect(config).toMatchObject({ reminderIntervalSeconds: 5, reminderCount: 1, reviewTimeoutSeconds: 2592000 });
  });
});
