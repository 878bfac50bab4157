import { ENV } from '../../catalog';
import { CATEGORY_LABELS } from '../../domain/categories';
import { textFor } from '../../domain/declaration';
import type { OpenLink } from '../../operations/signing-link';
import { requiredEnv } from '../../shared/config';
import type { DomainError } from '../../shared/errors';
import { page, type HttpResponse } from '../../shared/http';
import { signingPage, type SigningPageInput } from '../../../templates/pages/signing-page';
import { problemPage } from '../../../templates/pages/outcome-pages';

const TITLES: Record<string, string> = {
  LINK_UNKNOWN: 'This link is not valid',
  LINK_EXPIRED: 'This invitation has expired',
  LINK_USED: 'This link has already been used',
  LINK_REVOKED: 'This invitation was withdrawn',
  INVALID_INPUT: 'The form could not be read',
};

/** Errors on the signing pages are pages: what happened, what to do next, whom to contact. */
export function signingProblem(status: number, error: DomainError): HttpResponse {
  const title = status >= 500 ? 'Something went wrong' : (TITLES[error.code] ?? 'This request could not be completed');
  return page(status, problemPage(title, error.message, requiredEnv(ENV.commissionContactAddress)));
}

export function renderSigningForm(open: OpenLink, statusCode = 200, extra: Pick<SigningPageInput, 'previous' | 'errors'> = {}): HttpResponse {
  const { commitment, declaration, link } = open;
  const { language, text } = textFor(declaration, commitment.language);
  return page(
    statusCode,
    signingPage({
      organisationName: commitment.organisation.name,
      categoryLabel: CATEGORY_LABELS[commitment.organisation.category],
      language,
      text,
      clauses: declaration.commitments[commitment.organisation.category],
      expiresAt: new Date(link.expiresAt),
      ...extra,
    }),
  );
}
