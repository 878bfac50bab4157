/**
 * An HTTP client for a running campaign, used by the demo and the tests: it does what an admin,
 * an operator and an auditor do, through the same HTTP API and the local mailbox.
 */
import type { CreateDeclarationInput } from '../../functions/domain/declaration';
import type { InvitationInput } from '../../functions/domain/commitment';
import { bareAddress, isEmailFor, OperatorSession, type OperatorOptions } from './operator-session';

export { emailPurpose, isEmailFor, oneTimeCodeIn, OperatorSession, type OperatorOptions, type OperatorRequest, type SigningForm } from './operator-session';

export interface MailboxEmail {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
  readonly attachments: readonly { readonly filename?: string; readonly contentType: string; readonly content: string; readonly size: number }[];
  readonly at: number;
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

  /**
   * Waits at most `timeoutMs` for the local stack's workflow to have nothing left to do (`GET
   * /local/idle`): true once it has, false when the time ran out first.
   */
  async workflowIdle(timeoutMs: number): Promise<boolean> {
    const response = await fetch(`${this.appUrl}/local/idle?timeoutMs=${timeoutMs}`);
    await response.body?.cancel();
    if (response.status === 200) return true;
    if (response.status === 504) return false;
    throw new HttpError(response.status, '', 'GET /local/idle');
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
  async waitForEmails(to: string, match: (email: MailboxEmail) => boolean, count = 1, timeoutMs = 120_000): Promise<MailboxEmail[]> {
    return waitFor(async () => {
      const found = (await this.mailbox()).filter((email) => email.destination.to.some((address) => address.includes(to)) && match(email));
      return found.length >= count ? found : undefined;
    }, timeoutMs, `${count} email(s) to ${to}`);
  }

  /** The operator's side of one emailed link: each step of the signing pages, as a browser takes it. */
  operator(signingUrl: string, options: OperatorOptions = {}): OperatorSession {
    return new OperatorSession(this.appUrl, signingUrl, (to) => this.emailsTo(to), () => this.recipientOf(signingUrl), options);
  }

  /**
   * Signs through an emailed link as the operator would: Continue on the landing page, the
   * emailed one-time code (when the declaration asks for one), then the form with every
   * commitment accepted. Answers the final POST (200 when signed), or the first refusal.
   */
  async signThroughLink(signingUrl: string, signer: { name: string; title: string }, options: OperatorOptions & { overrides?: Record<string, string | readonly string[]> } = {}): Promise<Response> {
    const operator = this.operator(signingUrl, options);
    const refused = await this.openWithCode(operator);
    return refused ?? operator.sign(signer, options.overrides);
  }

  /** Declines through an emailed link, with a reason. */
  async decline(signingUrl: string, reason: string, options: OperatorOptions = {}): Promise<Response> {
    const operator = this.operator(signingUrl, options);
    const refused = await this.openWithCode(operator);
    return refused ?? operator.decline(reason);
  }

  /** Continue, then the code step: undefined once the form is open, else the refusal. */
  async openWithCode(operator: OperatorSession): Promise<Response | undefined> {
    const opened = await operator.open();
    if (opened.status !== 303) return opened;
    return operator.confirmCode();
  }

  /** Every email to an address, oldest first. */
  async emailsTo(to: string): Promise<MailboxEmail[]> {
    return (await this.mailbox()).filter((email) => email.destination.to.some((address) => address.includes(to)));
  }

  /**
   * The address an emailed link was sent to, found by the link's secret (so a link moved to
   * another host still matches). When the mailbox no longer holds it (a restarted stack), the
   * recipient of the newest one-time code email, which Continue has just caused.
   */
  async recipientOf(signingUrl: string): Promise<string> {
    const secret = signingUrl.slice(signingUrl.lastIndexOf('/') + 1);
    const mailbox = await this.mailbox();
    const email = mailbox.find((candidate) => (candidate.body.text ?? '').includes(`/sign/${secret}`)) ?? mailbox.filter(isEmailFor('one-time-code')).at(-1);
    const recipient = email?.destination.to[0];
    if (!recipient) throw new Error('no email in the mailbox holds this signing link');
    return bareAddress(recipient);
  }
}

/** The signing link in an invitation or reminder. */
export function signingLinkIn(email: MailboxEmail): string {
  const link = /(https?:\/\/[^\s"<>]+\/sign\/(?:[a-z]{1,4}_[0-9a-hjkmnp-tv-z]{26}\.)?[A-Za-z0-9_-]{43})/.exec(email.body.text ?? '')?.[1];
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
