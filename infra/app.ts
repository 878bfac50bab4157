import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { createApp } from './create-app';

// The CDK app (`cdk.json`: `npx tsx infra/app.ts`). cdk-nag 3 is a policy validation plugin, not an
// aspect: unacknowledged AwsSolutions findings land in the synthesis report and fail `cdk synth`.
const { app } = createApp();
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
