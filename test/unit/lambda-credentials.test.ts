import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultProvider } from '../../functions/shared/lambda-credentials';

const VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE'] as const;
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));

afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('the credential source of the deployed bundles', () => {
  it('hands over the role credentials Lambda puts in the environment, session token included', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'ASIAEXAMPLEKEY';
    process.env.AWS_SECRET_ACCESS_KEY = 'example-secret';
    process.env.AWS_SESSION_TOKEN = 'example-session-token';
    await expect(defaultProvider()()).resolves.toMatchObject({
      accessKeyId: 'ASIAEXAMPLEKEY', secretAccessKey: 'example-secret', sessionToken: 'example-session-token',
    });
  });

  it('fails with the SDK\'s credentials error when the environment holds none, even where the default chain would find a profile', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'credentials-'));
    try {
      for (const name of VARIABLES) delete process.env[name];
      // The SDK's default chain would take these from the shared credentials file; a Lambda function has no such file.
      writeFileSync(path.join(directory, 'credentials'), '[someone-elses-profile]\naws_access_key_id = AKIAFROMAFILE\naws_secret_access_key = from-a-file\n');
      writeFileSync(path.join(directory, 'config'), '');
      process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(directory, 'credentials');
      process.env.AWS_CONFIG_FILE = path.join(directory, 'config');
      process.env.AWS_PROFILE = 'someone-elses-profile';
      await expect(defaultProvider()()).rejects.toMatchObject({ name: 'CredentialsProviderError' });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
