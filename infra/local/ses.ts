import type { Server } from 'node:http';
import * as sesLocal from 'aws-ses-v2-local';
import { outlastClientKeepAlive } from './aws-local';

type StartServer = (config: { host: string; port: number }) => Promise<Server>;
// A CommonJS module with `exports.default`: how it arrives depends on the loader.
const startSesServer: StartServer = ((sesLocal as unknown as { default: StartServer | { default: StartServer } }).default as { default?: StartServer }).default ?? ((sesLocal as unknown as { default: StartServer }).default);

export interface LocalSes {
  readonly url: string;
  stop(): Promise<void>;
}

/** aws-ses-v2-local: accepts SES SendRawEmail, shows a mailbox page at /, lists mail at GET /store. */
export async function startLocalSes(options: { port: number; host?: string }): Promise<LocalSes> {
  const server: Server = await startSesServer({ host: options.host ?? '127.0.0.1', port: options.port });
  outlastClientKeepAlive(server);
  return {
    url: `http://127.0.0.1:${options.port}`,
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
