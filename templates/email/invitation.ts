import type { RenderedEmail } from '../../functions/mail/send-email';
import { html } from '../html';
import { emailLayout, textFooter } from './layout';

export interface InvitationEmailInput {
  readonly contactName: string;
  readonly organisationName: string;
  readonly declarationTitle: string;
  readonly signingUrl: string;
  readonly expiresAt: Date;
  readonly contactAddress: string;
  /** 0 for the invitation, 1.. for reminders. */
  readonly reminderNumber: number;
}

const formatDate = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The invitation and each reminder: the link is the only way in, so it is shown in full. */
export function invitationEmail(input: InvitationEmailInput): RenderedEmail {
  const isReminder = input.reminderNumber > 0;
  const subject = isReminder
    ? `Reminder: your signature is awaited on "${input.declarationTitle}"`
    : `Invitation to sign "${input.declarationTitle}"`;
  const lead = isReminder
    ? `This is a reminder: the European Commission still awaits the signature of ${input.organisationName} on the joint declaration below.`
    : `The European Commission invites ${input.organisationName} to sign the joint declaration of the European Ports Alliance against drug trafficking and criminal infiltration in EU ports.`;
  const body = html`
<h1 style="font-size:20px;margin:0 0 16px">${input.declarationTitle}</h1>
<p>Dear ${input.contactName},</p>
<p>${lead}</p>
<p>Open the link below to read the declaration and your organisation's commitments, then sign or decline. No account is needed. Opening the link does not sign anything.</p>
<p style="margin:24px 0"><a href="${input.signingUrl}" style="background:#003399;color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px;display:inline-block">Read and sign the declaration</a></p>
<p style="font-size:13px;word-break:break-all">Or copy this address into your browser: ${input.signingUrl}</p>
<p>The link is personal to your organisation and valid until ${formatDate(input.expiresAt)}. Please do not forward it.</p>`;
  const text =
    `Dear ${input.contactName},\n\n${lead}\n\n` +
    `Read the declaration and your organisation's commitments, then sign or decline, at:\n${input.signingUrl}\n\n` +
    `No account is needed. Opening the link does not sign anything. The link is personal to your organisation and valid until ${formatDate(input.expiresAt)}. Please do not forward it.` +
    textFooter(input.contactAddress);
  return { subject, text, html: emailLayout(subject, body, input.contactAddress) };
}
