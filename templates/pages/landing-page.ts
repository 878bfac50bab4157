import { html } from '../html';
import { formatDateTime, languageName, type Messages } from '../i18n';
import { operatorPage } from './layout';

export interface LandingPageInput {
  readonly messages: Messages;
  readonly language: string;
  readonly title: string;
  readonly titleLanguage: string;
  readonly organisationName: string;
  readonly categoryLabel: string;
  /** Shown when the declaration asks for a one-time code. */
  readonly maskedEmail?: string;
  readonly expiresAt: Date;
  readonly formToken: string;
  readonly contactAddress: string;
}

/** Says which version the signer will read when the declaration has none in the page's language. */
export function versionNoticeOf(m: Messages, pageLanguage: string, versionLanguage: string) {
  return versionLanguage === pageLanguage ? '' : html`<p class="notice" id="version-notice">${m.landing.versionNotice(languageName(versionLanguage))}</p>`;
}

/**
 * What the emailed link opens: it changes nothing (mail scanners open every link). Its one button
 * posts back to the same address, which exchanges the link for a signing session.
 */
export function landingPage(input: LandingPageInput): string {
  const m = input.messages;
  const body = html`
<h1 lang="${input.titleLanguage}">${input.title}</h1>
<p>${m.landing.invitedOrganisation(input.organisationName, input.categoryLabel)}</p>
${versionNoticeOf(m, input.language, input.titleLanguage)}
<p>${m.landing.nothingRecorded} ${m.landing.whatNext}</p>
${input.maskedEmail ? html`<p>${m.landing.codeNotice(input.maskedEmail)}</p>` : ''}
<p class="muted">${m.validUntil(formatDateTime(input.expiresAt, input.language))}</p>
<form method="post" novalidate>
<input type="hidden" name="csrf" value="${input.formToken}">
<button type="submit" class="primary">${m.landing.continueButton}</button>
</form>`;
  return operatorPage({ title: input.title, language: input.language, messages: m, contactAddress: input.contactAddress }, body);
}
