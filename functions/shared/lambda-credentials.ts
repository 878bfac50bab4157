import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Takes the place of `@aws-sdk/credential-provider-node` in the deployed bundles (the alias is in
 * infra/bundle-options.ts). Lambda hands a function its role's credentials in the environment;
 * the SDK's default chain would also carry SSO, shared INI files, credential processes, web
 * identity and the instance metadata service, with STS and SSO clients of their own: a third of
 * a DynamoDB function's bundle (376 -> 245 KB) and a quarter of its start-up, for sources a Lambda
 * function never uses.
 */
export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}) => fromEnv(init);
