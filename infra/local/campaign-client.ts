/**
 * An HTTP client for a running campaign, used by the demo and the tests: it does what an admin,
 * an operator and an auditor do, through the same HTTP API and the local mailbox.
 */
import type { CreateDeclarationInput } from '../../functions/domain/declaration';
import type { InvitationInput } from '../../functions/domain/commitment';

export interface MailboxEmail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
  readonly attachments: readonly { readonly filename?: string; readonly contentType: string; readonly content: string; readonly size: number }[];
  readonly at: number;
}

/** What the signing page shows and the form posts back. */
export interface SigningForm {
  readonly textSha256: string;
  readonly language: string;
  readonly commitmentIds: readonly string[];
  readonly html: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} answered ${status}: ${body.slice(0, 500)}`);
  }
}

export class CampaignClient {
  constructor(
    readonly appUrl: string,
    readonly mailboxUrl: string,
  ) {}

  async token(group: 'commission-admin' | 'auditor'): Promise<string> {
    const response = await fetch(`${this.appUrl}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ group }) });
    if (!response.ok) throw new HttpError(response.status, await response.text(), 'development sign-in');
    return ((await response.json()) as { token: string }).token;
  }

  async api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.appUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new HttpError(response.status, text, `${method} ${path}`);
    return JSON.parse(text) as T;
  }

  createDeclaration(token: string, declaration: CreateDeclarationInput) {
    return this.api<{ id: string }>(token, 'POST', '/api/declarations', declaration);
  }

  invite(token: string, declarationId: string, invitations: readonly InvitationInput[]) {
    return this.api<{ invited: number; results: { commitmentId: string; email: string; status: string }[] }>(token, 'POST', `/api/declarations/${declarationId}/invitations`, { invitations });
  }

  status(token: string, declarationId: string) {
    return this.api<{ total: number; byState: Record<string, number>; commitments: { id: string; state: string; email: string }[] }>(token, 'GET', `/api/declarations/${declarationId}`);
  }

  countersignAllVerified(token: string, declarationId: string) {
    return this.api<{ countersigned: number; results: { commitmentId: string; result: string }[] }>(token, 'POST', `/api/declarations/${declarationId}/countersignatures`, { allVerified: true });
  }

  async downloadDocument(token: string, commitmentId: string): Promise<{ bytes: Buffer; sha256Header: string | null }> {
    const response = await fetch(`${this.appUrl}/api/documents/${commitmentId}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new HttpError(response.status, await response.text(), `download ${commitmentId}`);
    return { bytes: Buffer.from(await response.arrayBuffer()), sha256Header: response.headers.get('x-content-sha256') };
  }

  async mailbox(): Promise<MailboxEmail[]> {
    const response = await fetch(`${this.mailboxUrl}/store`);
    if (!response.ok) throw new HttpError(response.status, await response.text(), 'mailbox');
    return ((await response.json()) as { emails: MailboxEmail[] }).emails;
  }

  /** Waits for the emails to an address that match, polling the mailbox until the deadline. */
  async waitForEmails(to: string, match: (email: MailboxEmail) => boolean, count = 1, timeoutMs = 30_000): Promise<MailboxEmail[]> {
    return waitFor(async () => {
      const found = (await this.mailbox()).filter((email) => email.destination.to.some((address) => address.includes(to)) && match(email));
      return found.length >= count ? found : undefined;
    }, timeoutMs, `${count} email(s) to ${to}`);
  }

  /** Opens the signing link as a browser would and submits the form. */
  async signThroughLink(
    signingUrl: string,
    signer: { name: string; title: string },
    overrides: Record<string, string | string[]> = {},
    alreadyRead?: SigningForm,
  ): Promise<Response> {
    const form = alreadyRead ?? (await this.readSigningForm(signingUrl));
    const fields = new URLSearchParams();
    fields.set('action', 'sign');
    fields.set('signerName', signer.name);
    fields.set('signerTitle', signer.title);
    fields.set('textSha256', form.textSha256);
    fields.set('language', form.language);
    for (const id of form.commitmentIds) fields.append('accepted', id);
    for (const [key, value] of Object.entries(overrides)) {
      fields.delete(key);
      for (const one of Array.isArray(value) ? value : [value]) fields.append(key, one);
    }
    return fetch(signingUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() });
  }

  async decline(signingUrl: string, reason: string): Promise<Response> {
    const fields = new URLSearchParams({ action: 'decline', reason });
    return fetch(signingUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields.toString() });
  }

  async readSigningForm(signingUrl: string): Promise<SigningForm> {
    const response = await fetch(signingUrl);
    const html = await response.text();
    if (!response.ok) throw new HttpError(response.status, html, 'signing page');
    const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
    const commitmentIds = [...html.matchAll(/name="accepted" value="([^"]*)"/g)].map((match) => match[1] ?? '');
    return { textSha256: hidden('textSha256'), language: hidden('language'), commitmentIds, html };
  }
}

/** The signing link in an invitation or reminder. */
export function signingLinkIn(email: MailboxEmail): string {
  const link = /(https?:\/\/[^\s"<>]+\/sign\/[A-Za-z0-9_-]{43})/.exec(email.body.text ?? '')?.[1];
  if (!link) throw new Error(`no signing link in "${email.subject}"`);
  return link;
}

/** Polls until `probe` returns a value, or fails after the timeout naming what it waited for. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
