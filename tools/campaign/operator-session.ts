/**
 * What an operator's browser does on the signing pages, reduced to HTTP: open the emailed link,
 * press Continue (the session cookie comes back), enter the emailed code, read the form, sign or
 * decline. Used by the demo, the benchmark and the tests; every step can also be taken alone.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { MailboxEmail } from './campaign-client';

export interface OperatorOptions {
  /** The invited address, where the one-time code goes. @default the recipient of the email holding the link */
  readonly recipient?: string;
  /** The email with the one-time code. @default the latest one to the recipient in the local mailbox */
  readonly codeEmail?: () => Promise<MailboxEmail>;
  /** Connect from this local address (e.g. 127.0.0.7 on Linux): a client of its own for the rate limits. */
  readonly localAddress?: string;
  readonly acceptLanguage?: string;
}

/** What the signing form carries and posts back. */
export interface SigningForm {
  readonly formToken: string;
  readonly textSha256: string;
  readonly language: string;
  readonly pageLanguage: string;
  readonly consentLanguage: string;
  readonly consentSha256: string;
  /** The optional publication statement shown: sent along, agreed to only with the field `publish=yes`. */
  readonly publicationLanguage: string;
  readonly publicationSha256: string;
  readonly commitmentIds: readonly string[];
  readonly html: string;
}

export interface OperatorRequest {
  readonly method?: 'GET' | 'HEAD' | 'POST';
  readonly body?: string;
  /** @default 'application/x-www-form-urlencoded' for a POST with a body */
  readonly contentType?: string | null;
  /** @default the session's cookie */
  readonly cookie?: string | null;
  readonly headers?: Readonly<Record<string, string>>;
}

const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];

export class OperatorSession {
  /** `name=value` of the session cookie, once Continue was pressed. */
  cookie: string | undefined;

  constructor(
    readonly appUrl: string,
    readonly signingUrl: string,
    private readonly mailbox: (to: string) => Promise<MailboxEmail[]>,
    private readonly findRecipient: () => Promise<string>,
    readonly options: OperatorOptions = {},
  ) {}

  /** Any request as this operator's browser would send it (no redirects followed). */
  async send(pathOrUrl: string, init: OperatorRequest = {}): Promise<Response> {
    const url = new URL(pathOrUrl, this.appUrl);
    const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
    const headers: Record<string, string> = { ...(this.options.acceptLanguage ? { 'accept-language': this.options.acceptLanguage } : {}), ...init.headers };
    const contentType = init.contentType === undefined ? (init.body !== undefined ? 'application/x-www-form-urlencoded' : null) : init.contentType;
    if (contentType) headers['content-type'] = contentType;
    const cookie = init.cookie === undefined ? this.cookie : init.cookie;
    if (cookie) headers.cookie = cookie;
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    if (body) headers['content-length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method, headers, localAddress: this.options.localAddress }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, one);
          }
          const status = response.statusCode ?? 0;
          const noBody = method === 'HEAD' || [204, 205, 304].includes(status);
          resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, headers: responseHeaders }));
        });
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    });
  }

  /** GET the emailed link: the landing page, which changes nothing. */
  landing(method: 'GET' | 'HEAD' = 'GET'): Promise<Response> {
    return this.send(this.signingUrl, { method, cookie: null });
  }

  /** Continue on the landing page: exchanges the link for a session (303 and a cookie on success). */
  async open(): Promise<Response> {
    const landing = await this.landing();
    const html = await landing.text();
    if (landing.status !== 200) return new Response(html, { status: landing.status, headers: landing.headers });
    const response = await this.send(this.signingUrl, { body: new URLSearchParams({ csrf: hidden(html, 'csrf') ?? '' }).toString(), cookie: null });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    return response;
  }

  /** The page under the session (the code step or the form), as HTML. */
  async page(query = ''): Promise<{ status: number; html: string; response: Response }> {
    const response = await this.send(`/signing${query}`);
    return { status: response.status, html: await response.text(), response };
  }

  /** The one-time code of the latest code email to the invited address. */
  async emailedCode(): Promise<string> {
    const email = this.options.codeEmail ? await this.options.codeEmail() : (await this.mailbox(await this.recipient())).filter(isEmailFor('one-time-code')).at(-1);
    const code = email ? oneTimeCodeIn(email) : undefined;
    if (!code) throw new Error(`no one-time code email to ${await this.recipient()}`);
    return code;
  }

  /** Enters a code (the emailed one by default) on the code page, shown already or read now: 303 when confirmed. */
  async enterCode(code?: string, shown?: string): Promise<Response> {
    const html = shown ?? (await this.page()).html;
    return this.send('/signing/code', { body: new URLSearchParams({ csrf: hidden(html, 'csrf') ?? '', code: code ?? (await this.emailedCode()) }).toString() });
  }

  /** Asks for a new code: 303 when sent. */
  async requestCode(): Promise<Response> {
    const { html } = await this.page();
    return this.send('/signing/code/new', { body: new URLSearchParams({ csrf: hidden(html, 'csrf') ?? '' }).toString() });
  }

  /**
   * Takes the code step if the page asks for it: the code Continue already emailed, or a new one
   * when none can be entered. Returns the failed answer, or undefined when the form is open.
   */
  async confirmCode(): Promise<Response | undefined> {
    const page = await this.page();
    if (page.status !== 200) return new Response(page.html, { status: page.status, headers: page.response.headers });
    if (!page.html.includes('name="code"') && !page.html.includes('id="send-code"')) return undefined;
    // A browser shows the page it was sent to once: the code is entered on the page already read.
    let codePage: string | undefined = page.html;
    if (!page.html.includes('name="code"')) {
      const sent = await this.requestCode();
      if (sent.status !== 303) return sent;
      codePage = undefined;
    }
    const entered = await this.enterCode(undefined, codePage);
    return entered.status === 303 ? undefined : entered;
  }

  /** The signing form as the page shows it. */
  async readForm(query = ''): Promise<SigningForm> {
    const { status, html } = await this.page(query);
    if (status !== 200 || !html.includes('name="textSha256"')) throw new Error(`the signing form is not open (${status}): ${html.slice(0, 300)}`);
    return {
      formToken: hidden(html, 'csrf') ?? '',
      textSha256: hidden(html, 'textSha256') ?? '',
      language: hidden(html, 'language') ?? '',
      pageLanguage: hidden(html, 'pageLanguage') ?? '',
      consentLanguage: hidden(html, 'consentLanguage') ?? '',
      consentSha256: hidden(html, 'consentSha256') ?? '',
      publicationLanguage: hidden(html, 'publicationLanguage') ?? '',
      publicationSha256: hidden(html, 'publicationSha256') ?? '',
      commitmentIds: [...html.matchAll(/name="accepted" value="([^"]*)"/g)].map((match) => match[1] ?? ''),
      html,
    };
  }

  /** The fields of a signature, every commitment accepted; `overrides` replace fields (an empty array removes one). */
  signFields(form: SigningForm, signer: { name: string; title: string }, overrides: Record<string, string | readonly string[]> = {}): URLSearchParams {
    const fields = new URLSearchParams({
      csrf: form.formToken,
      action: 'sign',
      pageLanguage: form.pageLanguage,
      language: form.language,
      textSha256: form.textSha256,
      consentLanguage: form.consentLanguage,
      consentSha256: form.consentSha256,
      publicationLanguage: form.publicationLanguage,
      publicationSha256: form.publicationSha256,
      signerName: signer.name,
      signerTitle: signer.title,
      consent: 'yes',
    });
    for (const id of form.commitmentIds) fields.append('accepted', id);
    for (const [key, value] of Object.entries(overrides)) {
      fields.delete(key);
      for (const one of typeof value === 'string' ? [value] : value) fields.append(key, one);
    }
    return fields;
  }

  async sign(signer: { name: string; title: string }, overrides: Record<string, string | readonly string[]> = {}, form?: SigningForm): Promise<Response> {
    const shown = form ?? (await this.readForm());
    return this.send('/signing', { body: this.signFields(shown, signer, overrides).toString() });
  }

  async decline(reason: string, form?: SigningForm): Promise<Response> {
    const shown = form ?? (await this.readForm());
    return this.send('/signing', { body: new URLSearchParams({ csrf: shown.formToken, action: 'decline', pageLanguage: shown.pageLanguage, reason }).toString() });
  }

  private recipientAddress: string | undefined;
  async recipient(): Promise<string> {
    this.recipientAddress ??= this.options.recipient ?? (await this.findRecipient());
    return this.recipientAddress;
  }
}

/** What an email is for (`invitation`, `reminder`, `new-link`, `one-time-code`, `signature-confirmation`, `delivery`), in any language. */
export function emailPurpose(email: MailboxEmail): string | undefined {
  return /<meta name="email-purpose" content="([a-z-]+)">/.exec(email.body.html ?? '')?.[1];
}

export const isEmailFor = (...purposes: string[]) => (email: MailboxEmail) => purposes.includes(emailPurpose(email) ?? '');

/** The 6-digit code of a one-time code email (on a line of its own in the text part). */
export function oneTimeCodeIn(email: MailboxEmail): string | undefined {
  return /^\s*([0-9]{6})\s*$/m.exec(email.body.text ?? '')?.[1];
}

/** The bare address of a mailbox recipient such as `"Name" <name@example.org>`. */
export function bareAddress(recipient: string): string {
  return (/<([^>]+)>/.exec(recipient)?.[1] ?? recipient).trim();
}
