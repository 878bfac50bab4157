import { appUrl } from '../shared/config';

/** The public page that says whether we issued a document: printed in the PDF (text and QR) and in the delivery email. */
export function verificationUrl(documentId: string): string {
  return `${appUrl()}/verify/${encodeURIComponent(documentId)}`;
}
