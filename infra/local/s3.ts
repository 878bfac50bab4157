import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { outlastClientKeepAlive } from './aws-local';

interface S3rverOptions {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  /** Path-style requests only: the functions' client sets forcePathStyle for a local endpoint. */
  vhostBuckets: boolean;
  resetOnClose: boolean;
  configureBuckets: { name: string; configs: (string | Buffer)[] }[];
}
interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
  httpServer?: Server;
}
const require = createRequire(import.meta.url);
const S3rver = require('@20minutes/s3rver') as new (options: Partial<S3rverOptions>) => S3rverInstance;
/** s3rver checks every signature against the key pairs of its one account; the local stack's credentials are one. */
const s3rverAccount = (require('@20minutes/s3rver/lib/models/account.js') as { DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void } }).DUMMY_ACCOUNT;

export interface LocalS3 {
  readonly url: string;
  stop(): Promise<void>;
}

/** Lets the console (another origin) follow a pre-signed URL: a download is a plain GET. */
const CORS_CONFIGURATION = `<CORSConfiguration>
  <CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader></CORSRule>
</CORSConfiguration>`;

/**
 * An S3-compatible server (`@20minutes/s3rver`): the buckets' objects are files under `directory`.
 * It speaks S3's REST API with Signature V4, multipart uploads and pre-signed URLs, so the functions'
 * S3 client and the pre-signer work against it unmodified through `AWS_ENDPOINT_URL_S3`.
 */
export async function startLocalS3(options: {
  port: number;
  directory: string;
  buckets: readonly string[];
  credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  inMemory?: boolean;
}): Promise<LocalS3> {
  s3rverAccount.createKeyPair(options.credentials.accessKeyId, options.credentials.secretAccessKey);
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    directory: options.directory,
    silent: true,
    vhostBuckets: false,
    resetOnClose: options.inMemory ?? false,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [CORS_CONFIGURATION] })),
  });
  const { port } = await server.run();
  if (server.httpServer) outlastClientKeepAlive(server.httpServer);
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.httpServer?.closeAllConnections();
      await server.close();
    },
  };
}
