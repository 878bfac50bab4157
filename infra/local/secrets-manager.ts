import { createServer, type Server } from 'node:http';
import { closeServer, listenLocally } from './aws-local';

export interface LocalSecretsManager {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The one Secrets Manager call the handlers make (GetSecretValue, AWS JSON 1.1 protocol), so the
 * sealing function reads its key locally exactly as it does on AWS.
 */
export async function startLocalSecretsManager(options: { port: number; secrets: Readonly<Record<string, string>> }): Promise<LocalSecretsManager> {
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const answer = (status: number, payload: unknown) => {
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify(payload));
      };
      const target = String(request.headers['x-amz-target'] ?? '');
      if (target !== 'secretsmanager.GetSecretValue') {
        return answer(400, { __type: 'UnknownOperationException', message: `${target} is not available locally` });
      }
      let secretId = '';
      try {
        secretId = String((JSON.parse(body) as { SecretId?: unknown }).SecretId ?? '');
      } catch {
        return answer(400, { __type: 'InvalidRequestException', message: 'body is not JSON' });
      }
      const value = options.secrets[secretId];
      if (value === undefined) return answer(400, { __type: 'ResourceNotFoundException', message: `Secrets Manager can't find the specified secret.` });
      answer(200, { ARN: secretId, Name: secretId, SecretString: value, VersionId: 'local', VersionStages: ['AWSCURRENT'], CreatedDate: Date.now() / 1000 });
    });
  });
  const url = await listenLocally(server, options.port);
  return { url, stop: () => closeServer(server) };
}
