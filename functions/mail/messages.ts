import { operatorLanguage } from '../domain/languages';
import { deliveryEmail, type DeliveryEmailInput } from '../../templates/email/delivery';
import { invitationEmail, type InvitationEmailInput } from '../../templates/email/invitation';
import { oneTimeCodeEmail, type OneTimeCodeEmailInput } from '../../templates/email/one-time-code';
import type { RenderedEmail } from '../../templates/email/layout';
import { signatureConfirmationEmail, type SignatureConfirmationInput } from '../../templates/email/signature-confirmation';
import { digestEmail, teamEventEmail, type DigestEmailInput, type TeamEventEmailInput } from '../../templates/email/team-notification';

/**
 * The emails an organisation receives. Each input's `language` is the invitation's (any EU
 * language): the email is written in it when the product speaks it, else in English.
 */

export type { RenderedEmail };
export type InvitationMessageInput = InvitationEmailInput;
export type InvitationKind = InvitationEmailInput['kind'];
export type OneTimeCodeMessageInput = OneTimeCodeEmailInput;
export type SignatureConfirmationMessageInput = SignatureConfirmationInput;
export type DeliveryMessageInput = DeliveryEmailInput;

/** The invitation, a reminder or a new link. */
export function invitationMessage(input: InvitationMessageInput): RenderedEmail {
  return invitationEmail({ ...input, language: operatorLanguage([input.language]) });
}

export function oneTimeCodeMessage(input: OneTimeCodeMessageInput): RenderedEmail {
  return oneTimeCodeEmail({ ...input, language: operatorLanguage([input.language]) });
}

export function signatureConfirmationMessage(input: SignatureConfirmationMessageInput): RenderedEmail {
  return signatureConfirmationEmail({ ...input, language: operatorLanguage([input.language]) });
}

/** Sent with the sealed PDF. */
export function deliveryMessage(input: DeliveryMessageInput): RenderedEmail {
  return deliveryEmail({ ...input, language: operatorLanguage([input.language]) });
}

export type TeamEventMessageInput = TeamEventEmailInput;
export type DigestMessageInput = DigestEmailInput;

/** To the Commission team: one event that needs them (in English, for Commission staff). */
export function teamEventMessage(input: TeamEventMessageInput): RenderedEmail {
  return teamEventEmail(input);
}

/** To the Commission team: the daily digest of an open declaration. */
export function digestMessage(input: DigestMessageInput): RenderedEmail {
  return digestEmail(input);
}
