import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { certificatesFromPem } from '../../functions/seal/signer';
import { closeServer, freePort, listenLocally } from '../local-server';

const run = promisify(execFile);

/** Certificates of the local PKI, PEM files under `<dataDir>/pki`. */
export interface LocalPkiFiles {
  readonly dir: string;
  readonly rootCertificate: string;
  readonly issuingCaCertificate: string;
  /** The seal certificate the issuing CA issued for the local KMS key. */
  readonly sealCertificate: string;
  readonly timestampKey: string;
  readonly timestampCertificate: string;
}

export interface LocalPki {
  readonly files: LocalPkiFiles;
  /** Where the certificates' AIA and CRL distribution points lead: `<baseUrl>/ocsp`, `<baseUrl>/ca.crl`, ... */
  readonly baseUrl: string;
  /** The seal chain, seal certificate first, root last (PEM), as the seal certificate secret holds it. */
  sealChainPem(): string;
  /** The timestamp authority's certificate and its issuing CA (PEM), as its tokens carry them. */
  timestampChainPem(): string;
  /** Revokes a certificate the issuing CA issued (PEM) and publishes a new CRL; the OCSP responder answers "revoked" at once. */
  revoke(certificatePem: string, reason?: string): Promise<void>;
  stop(): Promise<void>;
}

const SUBJECT_PREFIX = '/C=BE/O=European Ports Alliance (development)';
/** Seal certificates are short-lived next to their CAs, as a qualified provider issues them. */
const VALIDITY_DAYS = { root: 7300, issuingCa: 3650, seal: 1095, timestamping: 3650 } as const;

/**
 * A small certification authority for the local stack, made with the `openssl` command: a root, an issuing
 * CA under it, the seal certificate for the local KMS key and the timestamp authority's certificate. Each
 * certificate names where its status is published (AIA with an OCSP responder and the issuer's certificate,
 * CRL distribution points), and this module publishes it there: CRLs and CA certificates over HTTP, and
 * OCSP through `openssl ocsp`, an implementation independent of ours, behind the same address. The PKI is
 * kept under `<dataDir>/pki` and made again when the address it publishes at changes.
 */
export async function startLocalPki(options: { port: number; dataDir: string; sealPrivateKeyFile: string }): Promise<LocalPki> {
  const server: Server = createServer();
  const baseUrl = `${await listenLocally(server, options.port)}/pki`;
  const dir = path.join(options.dataDir, 'pki');
  let responder: ChildProcess | undefined;
  try {
    const files = await ensurePki(dir, baseUrl, options.sealPrivateKeyFile);
    await publishCrls(dir);
    let ocspPort = 0;
    const startResponder = async () => {
      ocspPort = await freePort();
      const child = spawn('openssl', [
        'ocsp', '-index', path.join(dir, 'ca', 'index.txt'), '-port', String(ocspPort),
        '-rsigner', files.issuingCaCertificate, '-rkey', path.join(dir, 'ca', 'ca.key'), '-CA', files.issuingCaCertificate,
        '-ndays', '7', '-resp_no_certs', '-ignore_err',
      ], { stdio: ['ignore', 'pipe', 'pipe'] });
      responder = child;
      await listening(child);
    };
    const stopResponder = async () => {
      const child = responder;
      if (child && child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
    };
    await startResponder();
    server.on('request', (request, response) => {
      const name = (request.url ?? '').replace(/^\/pki\//, '');
      if (request.method === 'POST' && name === 'ocsp') {
        // The OCSP responder listens on a port of its own; certificates name this one, which stays put.
        const forward = httpRequest({ host: '127.0.0.1', port: ocspPort, method: 'POST', path: '/', headers: { 'content-type': 'application/ocsp-request', 'content-length': request.headers['content-length'] ?? '0' } }, (answer) => {
          response.writeHead(answer.statusCode ?? 502, { 'content-type': 'application/ocsp-response' });
          answer.pipe(response);
        });
        forward.on('error', (error) => {
          response.writeHead(502, { 'content-type': 'text/plain' });
          response.end(`the OCSP responder did not answer: ${error.message}`);
        });
        request.pipe(forward);
        return;
      }
      const published: Record<string, [string, string]> = {
        'root.crl': [path.join(dir, 'root', 'root.crl'), 'application/pkix-crl'],
        'ca.crl': [path.join(dir, 'ca', 'ca.crl'), 'application/pkix-crl'],
        'root.crt': [path.join(dir, 'root', 'root.der'), 'application/pkix-cert'],
        'ca.crt': [path.join(dir, 'ca', 'ca.der'), 'application/pkix-cert'],
      };
      const file = request.method === 'GET' ? published[name] : undefined;
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not published here');
        return;
      }
      const body = readFileSync(file[0]);
      response.writeHead(200, { 'content-type': file[1], 'content-length': String(body.length) });
      response.end(body);
    });
    return {
      files,
      baseUrl,
      sealChainPem: () => [files.sealCertificate, files.issuingCaCertificate, files.rootCertificate].map((file) => readFileSync(file, 'utf8')).join(''),
      timestampChainPem: () => [files.timestampCertificate, files.issuingCaCertificate].map((file) => readFileSync(file, 'utf8')).join(''),
      revoke: async (certificatePem, reason = 'keyCompromise') => {
        const file = path.join(dir, 'ca', 'to-revoke.pem');
        writeFileSync(file, certificatePem);
        await openssl(['ca', '-config', path.join(dir, 'ca', 'openssl.cnf'), '-batch', '-revoke', file, '-crl_reason', reason]);
        await publishCrls(dir);
        // openssl ocsp reads its index once: start it again to answer from the new one.
        await stopResponder();
        await startResponder();
      },
      stop: async () => {
        await stopResponder();
        await closeServer(server);
      },
    };
  } catch (error) {
    if (responder && responder.exitCode === null) responder.kill();
    await closeServer(server);
    throw error;
  }
}

/** Creates the PKI on first start, and again when the address its certificates name has changed. */
async function ensurePki(dir: string, baseUrl: string, sealPrivateKeyFile: string): Promise<LocalPkiFiles> {
  const files: LocalPkiFiles = {
    dir,
    rootCertificate: path.join(dir, 'root', 'root.crt'),
    issuingCaCertificate: path.join(dir, 'ca', 'ca.crt'),
    sealCertificate: path.join(dir, 'seal.crt'),
    timestampKey: path.join(dir, 'tsa.key'),
    timestampCertificate: path.join(dir, 'tsa.crt'),
  };
  const baseUrlFile = path.join(dir, 'base-url');
  const sealKeyFile = path.join(dir, 'seal-key-source');
  const sealKey = readFileSync(sealPrivateKeyFile, 'utf8');
  const current = existsSync(baseUrlFile) && readFileSync(baseUrlFile, 'utf8') === baseUrl
    && existsSync(sealKeyFile) && readFileSync(sealKeyFile, 'utf8') === sealKey
    && Object.values(files).slice(1).every((file) => existsSync(file));
  if (current) return files;

  rmSync(dir, { recursive: true, force: true });
  for (const ca of ['root', 'ca']) {
    mkdirSync(path.join(dir, ca, 'issued'), { recursive: true });
    writeFileSync(path.join(dir, ca, 'index.txt'), '');
    writeFileSync(path.join(dir, ca, 'crlnumber'), '01\n');
  }
  writeFileSync(path.join(dir, 'root', 'openssl.cnf'), caConfig(path.join(dir, 'root'), 'root', baseUrl));
  writeFileSync(path.join(dir, 'ca', 'openssl.cnf'), caConfig(path.join(dir, 'ca'), 'ca', baseUrl));

  // The CAs use P-256 keys: their certificates and signatures travel in every document, and are smaller so.
  const rootDir = path.join(dir, 'root');
  await openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path.join(rootDir, 'root.key')]);
  await openssl(['req', '-new', '-key', path.join(rootDir, 'root.key'), '-subj', `${SUBJECT_PREFIX}/CN=European Ports Alliance development root CA`, '-out', path.join(rootDir, 'root.csr')]);
  await openssl(['ca', '-config', path.join(rootDir, 'openssl.cnf'), '-batch', '-selfsign', '-keyfile', path.join(rootDir, 'root.key'), '-in', path.join(rootDir, 'root.csr'), '-extensions', 'root_ca', '-days', String(VALIDITY_DAYS.root), '-out', files.rootCertificate, '-notext']);

  const caDir = path.join(dir, 'ca');
  await openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', path.join(caDir, 'ca.key')]);
  await openssl(['req', '-new', '-key', path.join(caDir, 'ca.key'), '-subj', `${SUBJECT_PREFIX}/CN=European Ports Alliance development issuing CA`, '-out', path.join(caDir, 'ca.csr')]);
  await openssl(['ca', '-config', path.join(rootDir, 'openssl.cnf'), '-batch', '-in', path.join(caDir, 'ca.csr'), '-extensions', 'issuing_ca', '-days', String(VALIDITY_DAYS.issuingCa), '-out', files.issuingCaCertificate, '-notext']);

  await openssl(['req', '-new', '-key', sealPrivateKeyFile, '-subj', '/C=BE/O=European Commission (development)/CN=European Ports Alliance development seal', '-out', path.join(dir, 'seal.csr')]);
  await openssl(['ca', '-config', path.join(caDir, 'openssl.cnf'), '-batch', '-in', path.join(dir, 'seal.csr'), '-extensions', 'seal', '-days', String(VALIDITY_DAYS.seal), '-out', files.sealCertificate, '-notext']);

  await openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', files.timestampKey]);
  await openssl(['req', '-new', '-key', files.timestampKey, '-subj', `${SUBJECT_PREFIX}/CN=European Ports Alliance development timestamp authority`, '-out', path.join(dir, 'tsa.csr')]);
  await openssl(['ca', '-config', path.join(caDir, 'openssl.cnf'), '-batch', '-in', path.join(dir, 'tsa.csr'), '-extensions', 'timestamping', '-days', String(VALIDITY_DAYS.timestamping), '-out', files.timestampCertificate, '-notext']);

  for (const [pem, derFile] of [[files.rootCertificate, path.join(rootDir, 'root.der')], [files.issuingCaCertificate, path.join(caDir, 'ca.der')]] as const) {
    writeFileSync(derFile, certificatesFromPem(readFileSync(pem, 'utf8'))[0]!);
  }
  writeFileSync(sealKeyFile, sealKey, { mode: 0o600 });
  writeFileSync(baseUrlFile, baseUrl);
  return files;
}

/** Publishes both CAs' current CRLs (DER), valid for a week. */
async function publishCrls(dir: string): Promise<void> {
  for (const [ca, crl] of [['root', 'root.crl'], ['ca', 'ca.crl']] as const) {
    const pem = path.join(dir, ca, `${crl}.pem`);
    await openssl(['ca', '-config', path.join(dir, ca, 'openssl.cnf'), '-batch', '-gencrl', '-out', pem]);
    await openssl(['crl', '-in', pem, '-outform', 'DER', '-out', path.join(dir, ca, crl)]);
  }
}

/**
 * `openssl ca` settings for one CA. The root's certificate is itself its issuer's; certificates it issues
 * point at the root's CRL. The issuing CA's point at the OCSP responder and at its CRL.
 */
function caConfig(caDir: string, name: 'root' | 'ca', baseUrl: string): string {
  const issuerCertificate = name === 'root' ? 'root.crt' : 'ca.crt';
  const status = name === 'root'
    ? `crlDistributionPoints = URI:${baseUrl}/root.crl\nauthorityInfoAccess = caIssuers;URI:${baseUrl}/root.crt`
    : `crlDistributionPoints = URI:${baseUrl}/ca.crl\nauthorityInfoAccess = OCSP;URI:${baseUrl}/ocsp,caIssuers;URI:${baseUrl}/ca.crt`;
  return `[ ca ]
default_ca = this_ca

[ this_ca ]
dir = ${caDir}
database = $dir/index.txt
new_certs_dir = $dir/issued
certificate = $dir/${issuerCertificate}
private_key = $dir/${name}.key
serial = $dir/serial
rand_serial = yes
crlnumber = $dir/crlnumber
default_md = sha256
default_crl_days = 7
policy = any_name
unique_subject = no
copy_extensions = none
email_in_dn = no
crl_extensions = crl_extensions

[ any_name ]
countryName = optional
organizationName = optional
commonName = supplied

[ crl_extensions ]
authorityKeyIdentifier = keyid

[ root_ca ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[ issuing_ca ]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
${status}

[ seal ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
${status}

[ timestamping ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
${status}
`;
}

async function openssl(args: readonly string[]): Promise<void> {
  try {
    await run('openssl', args);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`openssl ${args[0]} failed: ${stderr.trim() || (error as Error).message}`, { cause: error });
  }
}

/**
 * Resolves once `openssl ocsp` says it accepts connections ("ACCEPT [::]:port"); fails when it exits first.
 * (Probing the port instead would wedge it: it serves one connection at a time and waits on an empty one.)
 */
function listening(child: ChildProcess): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`openssl ocsp did not start listening: ${output.trim()}`)), 10_000);
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-2000);
      if (/ACCEPT/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`openssl ocsp exited: ${output.trim()}`));
    });
  });
}
