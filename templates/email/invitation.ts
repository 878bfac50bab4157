import { html } from '../html';
import { formatDateTime, languageName, messagesFor } from '../i18n';
import { emailLayout, textFooter, type RenderedEmail } from './layout';

export interface InvitationEmailInput {
  readonly language: string;
  readonly contactName: string;
  readonly organisationName: string;
  readonly declarationTitle: string;
  readonly signingUrl: string;
  readonly expiresAt: Date;
  readonly contactAddress: string;
  /** The invitation, a reminder, or a new link an admin sent. */
  readonly kind: 'invitation' | 'reminder' | 'new-link';
  /** The signer will be asked for a code emailed to this address. */
  readonly oneTimeCode: boolean;
  /** The language of the declaration version the signer will read, when the declaration has none in the email's language. */
  readonly versionLanguage?: string;
}

/** The invitation, each reminder and each resent link: the link is the only way in, so it is shown in full. */
export function invitationEmail(input: InvitationEmailInput): RenderedEmail {
  const m = messagesFor(input.language);
  const subject = {
    invitation: m.email.invitationSubject,
    reminder: m.email.reminderSubject,
    'new-link': m.email.newLinkSubject,
  }[input.kind](input.declarationTitle);
  const lead = { invitation: m.email.invitationLead, reminder: m.email.reminderLead, 'new-link': m.email.newLinkLead }[input.kind](input.organisationName);
  const validity = m.email.linkValidity(formatDateTime(input.expiresAt, input.language));
  const versionNotice = input.versionLanguage && input.versionLanguage !== input.language ? m.email.versionNotice(languageName(input.versionLanguage)) : undefined;
  const body = html`
<h1 style="font-size:20px;margin:0 0 16px">${input.declarationTitle}</h1>
<p>${m.email.greeting(input.contactName)}</p>
<p>${lead}</p>
${versionNotice ? html`<p>${versionNotice}</p>` : ''}
<p>${m.email.linkInstructions}</p>
<p style="margin:24px 0"><a href="${input.signingUrl}" style="background:#003399;color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px;display:inline-block">${m.email.linkButton}</a></p>
<p style="font-size:13px;word-break:break-all">${m.email.linkCopy} ${input.signingUrl}</p>
${input.oneTimeCode ? html`<p>${m.email.linkCodeNotice}</p>` : ''}
<p>${validity} ${m.email.linkSafety}</p>`;
  const text = [
    m.email.greeting(input.contactName),
    lead,
    ...(versionNotice ? [versionNotice] : []),
    m.email.linkInstructions,
    input.signingUrl,
    ...(input.oneTimeCode ? [m.email.linkCodeNotice] : []),
    `${validity} ${m.email.linkSafety}`,
  ].join('\n\n') + textFooter(m, input.contactAddress);
  const purpose = input.kind;
  return { subject, text, html: emailLayout({ title: subject, language: input.language, purpose, messages: m, contactAddress: input.contactAddress }, body) };
}
