import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { MIMEMessage, type EnvironmentContext } from 'mimetext/browser';
import { ENV } from '../catalog';
import { optionalEnv, requiredEnv } from '../shared/config';

export interface Attachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/** An email as rendered (mail/messages.ts), with its recipient, attachments and tags. */
export interface OutgoingEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly to: { readonly name: string; readonly address: string };
  readonly attachments?: readonly Attachment[];
  /**
   * SES message tags (`mailTags` in domain/mail-events.ts): SES returns them with every bounce,
   * complaint, reject or delay, which is how such a report finds its commitment.
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * mimetext's Node entry checks each content type against mime-types' table (130 KB in every
 * bundle that sends mail) and ends lines with the platform's EOL. We send three known types, and
 * RFC 5322 wants CRLF: the message is built with this environment instead.
 */
const SENT_CONTENT_TYPES = new Set(['text/plain', 'text/html', 'application/pdf']);
const MIME_ENVIRONMENT: EnvironmentContext = {
  toBase64: (data) => Buffer.from(data).toString('base64'),
  toBase64WebSafe: (data) => Buffer.from(data).toString('base64url'),
  eol: '\r\n',
  validateContentType: (type) => (SENT_CONTENT_TYPES.has(type.split(';')[0]!.trim().toLowerCase()) ? type : false),
};

let client: SESClient | undefined;
/** One client per process, as in a Lambda container (the local stack's crash faults hook it). */
export const ses = () => (client ??= new SESClient({}));

/** Builds the MIME message (text and HTML alternatives, attachments). */
export function buildRawMessage(email: OutgoingEmail, from: string): string {
  const message = new MIMEMessage(MIME_ENVIRONMENT);
  message.setSender({ name: 'European Ports Alliance', addr: from });
  message.setRecipient({ name: email.to.name, addr: email.to.address });
  message.setSubject(email.subject);
  message.setHeader('Auto-Submitted', 'auto-generated');
  message.addMessage({ contentType: 'text/plain', data: email.text });
  message.addMessage({ contentType: 'text/html', data: email.html });
  for (const attachment of email.attachments ?? []) {
    message.addAttachment({
      filename: attachment.filename,
      contentType: attachment.contentType,
      data: Buffer.from(attachment.content).toString('base64'),
    });
  }
  return message.asRaw();
}

/** Sends through SES SendRawEmail; returns the SES message id. */
export async function sendEmail(email: OutgoingEmail): Promise<string> {
  const raw = buildRawMessage(email, requiredEnv(ENV.senderAddress));
  const { MessageId } = await ses().send(
    new SendRawEmailCommand({
      RawMessage: { Data: Buffer.from(raw, 'utf8') },
      ConfigurationSetName: optionalEnv(ENV.sesConfigurationSet),
      Tags: email.tags ? Object.entries(email.tags).map(([Name, Value]) => ({ Name, Value })) : undefined,
    }),
  );
  return MessageId ?? '';
}
