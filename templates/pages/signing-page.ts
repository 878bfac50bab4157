import type { CommitmentClause, DeclarationText } from '../../functions/domain/declaration';
import { html } from '../html';
import { pageLayout } from './layout';

export interface SigningPageInput {
  readonly organisationName: string;
  readonly categoryLabel: string;
  readonly language: string;
  readonly text: DeclarationText;
  readonly clauses: readonly CommitmentClause[];
  readonly expiresAt: Date;
  /** What the signer typed before an error, so nothing is lost. */
  readonly previous?: { signerName?: string; signerTitle?: string; accepted?: readonly string[]; reason?: string };
  readonly errors?: readonly string[];
}

export const CONSENT_STATEMENT =
  'I agree to sign this declaration electronically on behalf of my organisation, and I confirm that I am authorised to do so.';

export function signingPage(input: SigningPageInput): string {
  const accepted = new Set(input.previous?.accepted ?? input.clauses.map((clause) => clause.id));
  const errors = input.errors && input.errors.length > 0
    ? html`<div class="errors" role="alert" id="form-errors"><h2>Please correct the following</h2><ul>${input.errors.map((error) => html`<li>${error}</li>`)}</ul></div>`
    : html``;
  const body = html`
<h1>${input.text.title}</h1>
<p class="muted">For ${input.organisationName} (${input.categoryLabel}). This link is valid until ${input.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.</p>
${errors}
<h2>The declaration</h2>
<div class="declaration" lang="${input.language}">${input.text.text}</div>
<p class="muted">SHA-256 of this text: <span class="hash">${input.text.sha256}</span></p>
<form method="post">
<input type="hidden" name="textSha256" value="${input.text.sha256}">
<input type="hidden" name="language" value="${input.language}">
<fieldset><legend>Your organisation's commitments</legend>
${input.clauses.map((clause) => html`<div class="check"><input type="checkbox" name="accepted" value="${clause.id}" id="c-${clause.id}"${accepted.has(clause.id) ? html` checked` : html``}>
<label for="c-${clause.id}">${clause.text}${clause.required ? ' (required)' : ' (optional)'}</label></div>`)}
</fieldset>
<label for="signerName">Your full name</label><input type="text" id="signerName" name="signerName" autocomplete="name" maxlength="200" value="${input.previous?.signerName ?? ''}">
<label for="signerTitle">Your function</label><input type="text" id="signerTitle" name="signerTitle" autocomplete="organization-title" maxlength="200" value="${input.previous?.signerTitle ?? ''}">
<p>${CONSENT_STATEMENT}</p>
<button type="submit" name="action" value="sign" class="primary">Sign the declaration</button>
<h2>Or decline</h2>
<label for="reason">Reason for declining (required to decline)</label><textarea id="reason" name="reason" rows="3" maxlength="2000">${input.previous?.reason ?? ''}</textarea>
<button type="submit" name="action" value="decline" class="secondary">Decline</button>
</form>`;
  return pageLayout(input.text.title, body, input.language);
}
