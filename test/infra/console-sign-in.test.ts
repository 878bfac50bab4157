import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ENV } from '../../functions/catalog';
import { createApp } from '../../infra/create-app';
import { VARIANTS } from './variants';

describe('the console\'s sign-in on AWS', () => {
  it('tells the console page the Cognito hosted UI and the app client when a Cognito domain is configured', () => {
    const { stateless } = createApp({ skipBundling: true, validateTemplates: false, context: VARIANTS.cognitoDomain });
    const functions = Object.values(Template.fromStack(stateless).findResources('AWS::Lambda::Function')) as { Metadata?: Record<string, string>; Properties: { Environment?: { Variables: Record<string, unknown> } } }[];
    const consolePage = functions.find((resource) => String(resource.Metadata?.['aws:cdk:path']).endsWith('/Functions/console-page/Resource'))!;
    const variables = consolePage.Properties.Environment!.Variables;
    expect(JSON.stringify(variables[ENV.cognitoDomainUrl])).toContain('.auth.');
    expect(JSON.stringify(variables[ENV.cognitoDomainUrl])).toContain('amazoncognito.com');
    expect(variables[ENV.cognitoClientId]).toBeDefined();
    expect(variables[ENV.developmentSignInUrl]).toBeUndefined();
  }, 120_000);
});
