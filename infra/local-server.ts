/** Plain HTTP servers on loopback, for the local stack and for the development PKI that tools start too. */
import type { Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Keeps idle keep-alive connections open longer than any client keeps them (fetch: 4 s): a server
 * closing one at its default 5 s while a busy client reuses it resets the client's next request.
 */
export function outlastClientKeepAlive(server: HttpServer): void {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}

/** Listens on loopback (port 0 = any free port) and answers the base URL. */
export function listenLocally(server: HttpServer, port: number, host = '127.0.0.1'): Promise<string> {
  outlastClientKeepAlive(server);
  return new Promise((resolve) => {
    server.listen(port, host, () => resolve(`http://${host.includes(':') ? `[${host}]` : host}:${(server.address() as AddressInfo).port}`));
  });
}

/** Closes a local HTTP server, cutting kept-alive connections so that stopping never hangs. */
export function closeServer(server: HttpServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
