import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { closeServer, listenLocally } from './aws-local';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LocalTimestampAuthority {
  /** POST an RFC 3161 TimeStampReq here. */
  readonly url: string;
  /** The authority's self-signed certificate (PEM file), to check its tokens. */
  readonly certificateFile: string;
  stop(): Promise<void>;
}

/** True when the `openssl` command is here; the local timestamp authority needs its `ts` subcommand. */
export async function opensslAvailable(): Promise<boolean> {
  try {
    await run('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
}

/**
 * A local RFC 3161 timestamp authority (`application/timestamp-query` in, `application/timestamp-reply`
 * out) answering with `openssl ts -reply`, with a development TSA key and certificate created under
 * `<dataDir>/tsa` on first start. It stands in for a qualified timestamp service, unreachable from here.
 */
export async function startLocalTimestampAuthority(options: { port: number; dataDir: string }): Promise<LocalTimestampAuthority> {
  const dir = path.join(options.dataDir, 'tsa');
  const files = await ensureTsaFiles(dir);
  let queue: Promise<unknown> = Promise.resolve();
  // openssl keeps the serial number in a file: one reply at a time.
  const reply = (query: Buffer): Promise<Buffer> => {
    const next = queue.then(() => answer(files.config, query));
    queue = next.catch(() => undefined);
    return next;
  };

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || !String(request.headers['content-type'] ?? '').startsWith('application/timestamp-query')) {
        response.writeHead(400, { 'content-type': 'text/plain' });
        response.end('POST an RFC 3161 request as application/timestamp-query');
        return;
      }
      reply(Buffer.concat(chunks)).then(
        (token) => {
          response.writeHead(200, { 'content-type': 'application/timestamp-reply', 'content-length': String(token.length) });
          response.end(token);
        },
        (error: unknown) => {
          response.writeHead(500, { 'content-type': 'text/plain' });
          response.end(`timestamp failed: ${(error as Error).message}`);
        },
      );
    });
  });
  const url = await listenLocally(server, options.port);
  return { url: `${url}/tsa`, certificateFile: files.certificate, stop: () => closeServer(server) };
}

async function answer(config: string, query: Buffer): Promise<Buffer> {
  const work = mkdtempSync(path.join(tmpdir(), 'tsa-'));
  try {
    const queryFile = path.join(work, 'query.tsq');
    const replyFile = path.join(work, 'reply.tsr');
    writeFileSync(queryFile, query);
    await run('openssl', ['ts', '-reply', '-config', config, '-queryfile', queryFile, '-out', replyFile]);
    return readFileSync(replyFile);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function ensureTsaFiles(dir: string): Promise<{ config: string; certificate: string }> {
  mkdirSync(dir, { recursive: true });
  const key = path.join(dir, 'tsa.key');
  const certificate = path.join(dir, 'tsa.crt');
  const serial = path.join(dir, 'serial');
  const config = path.join(dir, 'tsa.cnf');
  if (!existsSync(key) || !existsSync(certificate)) {
    await run('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', certificate, '-days', '3650',
      '-subj', '/C=BE/O=European Ports Alliance (development)/CN=European Ports Alliance development timestamp authority',
      '-addext', 'extendedKeyUsage=critical,timeStamping',
      '-addext', 'keyUsage=critical,digitalSignature',
    ]);
  }
  if (!existsSync(serial)) writeFileSync(serial, '01\n');
  writeFileSync(config, [
    '[ tsa ]',
    'default_tsa = tsa_config',
    '[ tsa_config ]',
    `serial = ${serial}`,
    'crypto_device = builtin',
    `signer_cert = ${certificate}`,
    `signer_key = ${key}`,
    'signer_digest = sha256',
    'default_policy = 2.999.1',
    'other_policies = 2.999.1',
    `certs = ${certificate}`,
    'digests = sha256, sha384, sha512',
    'accuracy = secs:1',
    'ordering = no',
    'tsa_name = yes',
    'ess_cert_id_chain = no',
    'ess_cert_id_alg = sha256',
    '',
  ].join('\n'));
  return { config, certificate };
}
