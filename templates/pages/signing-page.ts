import { consentStatement } from '../../functions/domain/consent';
import { publicationStatement } from '../../functions/domain/publication';
import type { ClauseShown, VersionShown } from '../../functions/domain/version-shown';
import type { OperatorLanguage } from '../../functions/domain/languages';
import { html, type SafeHtml } from '../html';
import type { Messages } from '../i18n';
import { versionNoticeOf } from './landing-page';
import { languageSwitch } from './language-switch';
import { operatorPage } from './layout';

/** A problem tied to one field: `field` is the id of the element to fix. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface SigningPageInput {
  readonly messages: Messages;
  /** The language of the page's own words, and of the consent statement it shows. */
  readonly language: OperatorLanguage;
  /** The language version shown: the declaration and the signatory's commitments, in one language. */
  readonly version: VersionShown;
  /** Whether the declaration has a version in the page's language (else the page says which one is shown). */
  readonly hasVersionInPageLanguage: boolean;
  /** The other language versions of the declaration, with the address that shows each. */
  readonly otherVersions: readonly { readonly language: string; readonly href: string }[];
  readonly organisationName: string;
  readonly categoryLabel: string;
  readonly formToken: string;
  readonly action: string;
  /** What the signer typed before an error, so nothing is lost. */
  readonly previous?: { signerName?: string; signerTitle?: string; accepted?: readonly string[]; consent?: boolean; publish?: boolean; reason?: string };
  readonly errors?: readonly FieldError[];
  readonly contactAddress: string;
}

export function signingPage(input: SigningPageInput): string {
  const m = input.messages;
  const consent = consentStatement(input.language);
  const publication = publicationStatement(input.language);
  const errors = input.errors ?? [];
  const errorOf = (field: string) => errors.find((error) => error.field === field);
  const accepted = new Set(input.previous?.accepted ?? []);
  const fieldAttributes = (field: string, hint?: string): SafeHtml => {
    const error = errorOf(field);
    const describedBy = [hint, error ? `${field}-error` : undefined].filter(Boolean).join(' ');
    return html`${describedBy ? html` aria-describedby="${describedBy}"` : ''}${error ? html` aria-invalid="true"` : ''}`;
  };
  const fieldError = (field: string): SafeHtml => {
    const error = errorOf(field);
    return error ? html`<span class="field-error" id="${field}-error">${error.message}</span>` : html``;
  };
  const summary = errors.length > 0
    ? html`<div class="errors" role="alert" id="form-errors"><h2>${m.form.errorSummary}</h2><ul>${errors.map((error) => html`<li><a href="#${error.field}">${error.message}</a></li>`)}</ul></div>`
    : '';
  const versions = languageSwitch(m.form.otherLanguages, input.otherVersions);
  const clause = (item: ClauseShown) => {
    const id = `c-${item.id}`;
    return html`<div class="check"><input type="checkbox" name="accepted" value="${item.id}" id="${id}"${accepted.has(item.id) ? html` checked` : ''}${item.required ? html` required aria-required="true"` : ''}${fieldAttributes(id)}>
<label for="${id}"><span lang="${input.version.language}">${item.text}</span> ${item.required ? m.required : m.optional}${fieldError(id)}</label></div>`;
  };
  const body = html`
<h1 lang="${input.version.language}">${input.version.title}</h1>
<p class="muted">${m.form.forOrganisation(input.organisationName, input.categoryLabel)}</p>
<p>${m.form.stepsLead}</p>
${input.hasVersionInPageLanguage ? '' : versionNoticeOf(m, input.language, input.version.language)}
${summary}
${versions}
<h2>${m.form.declarationHeading}</h2>
<div class="declaration" id="declaration" lang="${input.version.language}">${input.version.text}</div>
<p class="muted">${m.form.fingerprint} <span class="hash">${input.version.sha256}</span></p>
<form method="post" action="${input.action}" novalidate>
<input type="hidden" name="csrf" value="${input.formToken}">
<input type="hidden" name="action" value="sign">
<input type="hidden" name="pageLanguage" value="${input.language}">
<input type="hidden" name="language" value="${input.version.language}">
<input type="hidden" name="textSha256" value="${input.version.sha256}">
<input type="hidden" name="consentLanguage" value="${consent.language}">
<input type="hidden" name="consentSha256" value="${consent.sha256}">
<input type="hidden" name="publicationLanguage" value="${publication.language}">
<input type="hidden" name="publicationSha256" value="${publication.sha256}">
<fieldset aria-describedby="commitments-hint"><legend>${m.form.commitmentsLegend}</legend>
<p class="hint" id="commitments-hint">${m.form.commitmentsHint}</p>
${input.version.clauses.map(clause)}
</fieldset>
<fieldset><legend>${m.form.signerHeading}</legend>
<label for="signerName">${m.form.signerName}</label>${fieldError('signerName')}
<input type="text" id="signerName" name="signerName" autocomplete="name" maxlength="200" required aria-required="true" value="${input.previous?.signerName ?? ''}"${fieldAttributes('signerName')}>
<label for="signerTitle">${m.form.signerTitle}</label><span class="hint" id="signerTitle-hint">${m.form.signerTitleHint}</span>${fieldError('signerTitle')}
<input type="text" id="signerTitle" name="signerTitle" autocomplete="organization-title" maxlength="200" required aria-required="true" value="${input.previous?.signerTitle ?? ''}"${fieldAttributes('signerTitle', 'signerTitle-hint')}>
</fieldset>
<fieldset><legend>${m.form.consentLegend}</legend>
<div class="check"><input type="checkbox" id="consent" name="consent" value="yes" required aria-required="true"${input.previous?.consent ? html` checked` : ''}${fieldAttributes('consent')}>
<label for="consent">${consent.text}${fieldError('consent')}</label></div>
</fieldset>
<fieldset aria-describedby="publish-hint"><legend>${m.form.publicationLegend}</legend>
<p class="hint" id="publish-hint">${m.form.publicationHint}</p>
<div class="check"><input type="checkbox" id="publish" name="publish" value="yes"${input.previous?.publish ? html` checked` : ''}>
<label for="publish">${publication.text} ${m.optional}</label></div>
</fieldset>
<button type="submit" class="primary">${m.form.signButton}</button>
</form>
<form method="post" action="${input.action}" class="inline-form" novalidate>
<input type="hidden" name="csrf" value="${input.formToken}">
<input type="hidden" name="action" value="decline">
<input type="hidden" name="pageLanguage" value="${input.language}">
<h2>${m.form.declineHeading}</h2>
<p>${m.form.declineLead}</p>
<label for="reason">${m.form.declineReason}</label>${fieldError('reason')}
<textarea id="reason" name="reason" rows="3" maxlength="2000"${fieldAttributes('reason')}>${input.previous?.reason ?? ''}</textarea>
<button type="submit" class="secondary">${m.form.declineButton}</button>
</form>`;
  return operatorPage({ title: input.version.title, language: input.language, messages: m, contactAddress: input.contactAddress }, body);
}
