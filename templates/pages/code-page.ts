import { html } from '../html';
import { formatTime, type Messages } from '../i18n';
import { operatorPage } from './layout';

export interface CodePageInput {
  readonly messages: Messages;
  readonly language: string;
  readonly title: string;
  readonly titleLanguage: string;
  readonly organisationName: string;
  readonly categoryLabel: string;
  readonly maskedEmail: string;
  /** When the code that can still be entered was sent; undefined when none can. */
  readonly liveCodeSentAt?: Date;
  /** A code was sent but has expired. */
  readonly codeExpired: boolean;
  readonly triesLeft: number;
  /** Tries already used; the count is shown once a wrong code was entered. */
  readonly failedAttempts: number;
  /** An error about the code field, in plain words. */
  readonly error?: string;
  readonly formToken: string;
  readonly actions: { readonly check: string; readonly send: string };
  readonly contactAddress: string;
}

/** Asks for the 6-digit code emailed to the invited address, or offers to send one. */
export function codePage(input: CodePageInput): string {
  const m = input.messages;
  const canEnter = input.liveCodeSentAt !== undefined;
  const describedBy = ['code-hint', input.error ? 'code-error' : undefined].filter(Boolean).join(' ');
  const errorSummary = input.error
    ? html`<div class="errors" role="alert"><h2>${m.form.errorSummary}</h2><ul><li><a href="${canEnter ? '#code' : '#send-code'}">${input.error}</a></li></ul></div>`
    : '';
  const status = canEnter
    ? html`<p>${m.code.sent(input.maskedEmail, formatTime(input.liveCodeSentAt!, input.language))}</p>`
    : html`<p>${input.codeExpired ? m.code.expired : m.code.notSent(input.maskedEmail)}</p>`;
  const entry = canEnter
    ? html`<form method="post" action="${input.actions.check}" novalidate>
<input type="hidden" name="csrf" value="${input.formToken}">
<label for="code">${m.code.label}</label>
<span class="hint" id="code-hint">${m.code.hint}</span>
${input.error ? html`<span class="field-error" id="code-error">${input.error}</span>` : ''}
<input type="text" class="code" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="12" required aria-required="true" aria-describedby="${describedBy}"${input.error ? html` aria-invalid="true"` : ''}>
${input.failedAttempts > 0 ? html`<p class="muted">${m.code.triesLeft(input.triesLeft)}</p>` : ''}
<div><button type="submit" class="primary">${m.code.confirmButton}</button></div>
</form>`
    : '';
  const send = html`<form method="post" action="${input.actions.send}" class="${canEnter ? 'inline-form' : ''}" novalidate>
<input type="hidden" name="csrf" value="${input.formToken}">
${canEnter ? html`<p>${m.code.newCodeLead}</p>` : ''}
<button type="submit" id="send-code" class="${canEnter ? 'secondary' : 'primary'}">${canEnter ? m.code.newCodeButton : m.code.sendButton}</button>
</form>`;
  const body = html`
<h1>${m.code.title}</h1>
<p class="muted"><span lang="${input.titleLanguage}">${input.title}</span> · ${m.form.forOrganisation(input.organisationName, input.categoryLabel)}</p>
${errorSummary}
${status}
${entry}
${send}`;
  return operatorPage({ title: `${m.code.title} · ${input.title}`, language: input.language, messages: m, contactAddress: input.contactAddress }, body);
}
