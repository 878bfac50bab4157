import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ENV } from '../../catalog';
import { requiresOneTimeCode } from '../../domain/declaration';
import { versionShown } from '../../domain/version-shown';
import { operatorLanguage, parseAcceptLanguage, pickLanguage, type OperatorLanguage } from '../../domain/languages';
import { hasLiveCode, landingFormToken, maskEmail, MAX_WRONG_CODES, sessionFormToken } from '../../domain/signing';
import type { FieldProblem } from '../../domain/signing-form';
import type { CodeCheck } from '../../operations/one-time-code';
import type { OpenLink } from '../../operations/signing-link';
import type { OpenSession } from '../../operations/signing-session';
import type { ErrorRenderer } from '../../shared/api-handler';
import { requiredEnv } from '../../shared/config';
import { page, type HttpResponse } from '../../shared/http';
import { SigningError } from '../../shared/signing-errors';
import { formatTime, messagesFor, type Messages, type Problem } from '../../../templates/i18n';
import { codePage } from '../../../templates/pages/code-page';
import { landingPage } from '../../../templates/pages/landing-page';
import { OPERATOR_PAGE_CSP } from '../../../templates/pages/layout';
import { declinedPage, problemPage, signedPage } from '../../../templates/pages/outcome-pages';
import { signingPage, type FieldError, type SigningPageInput } from '../../../templates/pages/signing-page';
import { header, signingPaths } from './signing-http';
import { clock } from '../../shared/clock';

const contact = () => requiredEnv(ENV.commissionContactAddress);

function operatorPage(statusCode: number, markup: string, extraHeaders: Record<string, string> = {}): HttpResponse {
  const response = page(statusCode, markup, OPERATOR_PAGE_CSP);
  return { ...response, headers: { ...response.headers, ...extraHeaders } };
}

const acceptLanguage = (event: APIGatewayProxyEventV2) => header(event, 'accept-language');

/** Every refusal on the operator's pages is a page in the reader's language: what happened, what to do next, whom to ask. */
export const signingProblem: ErrorRenderer = (status, error, event) => {
  const context = error instanceof SigningError ? error.context : {};
  const language = operatorLanguage([context.language], acceptLanguage(event));
  const m = messagesFor(language);
  let problem: Problem;
  let backLink: { href: string; label: string } | undefined;
  const extraHeaders: Record<string, string> = {};
  switch (status >= 500 ? 'SERVER' : error.code) {
    case 'LINK_UNKNOWN': problem = m.problems.linkUnknown; break;
    case 'LINK_EXPIRED': problem = context.replaced ? m.problems.linkReplaced : m.problems.linkExpired; break;
    case 'LINK_REVOKED': problem = m.problems.linkRevoked; break;
    case 'LINK_LOCKED': problem = m.problems.linkLocked; break;
    case 'LINK_USED':
    case 'SESSION_USED': problem = context.outcome === 'declined' ? m.problems.linkDeclined : m.problems.linkSigned; break;
    case 'SESSION_UNKNOWN': problem = m.problems.sessionUnknown; break;
    case 'SESSION_EXPIRED': problem = context.replaced ? m.problems.linkReplaced : m.problems.sessionExpired; break;
    case 'FORBIDDEN': problem = m.problems.forbidden; break;
    case 'UNSUPPORTED_MEDIA_TYPE': problem = m.problems.unsupportedForm; break;
    case 'CODE_REQUIRED':
      problem = m.problems.codeRequired;
      backLink = { href: signingPaths().form, label: m.problems.backToSigning };
      break;
    case 'RATE_LIMITED': {
      const seconds = context.retryAfterSeconds ?? 60;
      problem = m.problems.rateLimited(formatTime(new Date(clock.now().getTime() + seconds * 1000), language), Math.max(1, Math.ceil(seconds / 60)));
      extraHeaders['retry-after'] = String(seconds);
      break;
    }
    case 'SERVER': problem = m.problems.serverError; break;
    default: problem = m.problems.badForm;
  }
  return operatorPage(status, problemPage({ messages: m, language, contactAddress: contact(), problem, backLink }), extraHeaders);
};

/** The landing page of an emailed link: what it is, that nothing happened yet, and a Continue button. */
export function landingResponse(open: OpenLink, event: APIGatewayProxyEventV2, key: string): HttpResponse {
  const { commitment, declaration } = open;
  const language = operatorLanguage([commitment.language], acceptLanguage(event));
  const m = messagesFor(language);
  const titleLanguage = pickLanguage([commitment.language, ...parseAcceptLanguage(acceptLanguage(event))], Object.keys(declaration.texts), declaration.defaultLanguage);
  return operatorPage(200, landingPage({
    messages: m,
    language,
    title: declaration.texts[titleLanguage]!.title,
    titleLanguage,
    organisationName: commitment.organisation.name,
    categoryLabel: m.categories[commitment.organisation.category],
    maskedEmail: requiresOneTimeCode(declaration) ? maskEmail(commitment.organisation.email) : undefined,
    expiresAt: new Date(open.expiresAt),
    formToken: landingFormToken(key, open.linkHash),
    contactAddress: contact(),
  }));
}

/** The languages of a page under a session: the page's words and the declaration text shown. */
export function sessionLanguages(open: OpenSession, requested: { ui?: string; text?: string } = {}): { ui: OperatorLanguage; text: string } {
  const texts = Object.keys(open.declaration.texts);
  return {
    ui: operatorLanguage([requested.ui, open.session.language]),
    text: pickLanguage([requested.text, open.commitment.language, open.session.language], texts, open.declaration.defaultLanguage),
  };
}

/** Asks for the emailed code (or offers to send one), with what was wrong with the last try. */
export function codePageResponse(open: OpenSession, key: string, options: { status?: number; failedCheck?: Exclude<CodeCheck, { result: 'confirmed' }>; language?: string; now?: Date } = {}): HttpResponse {
  const { commitment, declaration, codeState } = open;
  const now = options.now ?? clock.now();
  const languages = sessionLanguages(open, { ui: options.language, text: options.language });
  const m = messagesFor(languages.ui);
  const failed = options.failedCheck;
  const error = !failed
    ? undefined
    : failed.result === 'wrong'
      ? m.code.errorWrong(failed.triesLeft)
      : { format: m.code.errorFormat, expired: m.code.errorExpired, none: m.code.errorNone }[failed.result];
  const live = hasLiveCode(codeState, now);
  return operatorPage(options.status ?? 200, codePage({
    messages: m,
    language: languages.ui,
    title: declaration.texts[languages.text]!.title,
    titleLanguage: languages.text,
    organisationName: commitment.organisation.name,
    categoryLabel: m.categories[commitment.organisation.category],
    maskedEmail: maskEmail(commitment.organisation.email),
    liveCodeSentAt: live && codeState.sentAt ? new Date(codeState.sentAt) : undefined,
    codeExpired: codeState.codeHash !== undefined && !live,
    triesLeft: Math.max(0, MAX_WRONG_CODES - codeState.failedAttempts),
    failedAttempts: codeState.failedAttempts,
    error,
    formToken: sessionFormToken(key, open.sessionId),
    actions: { check: signingPaths().checkCode, send: signingPaths().sendCode },
    contactAddress: contact(),
  }));
}

/** The declaration, the commitments and the form to sign or decline, with what was typed and what to fix after an error. */
export function signingFormResponse(
  open: OpenSession,
  key: string,
  options: { status?: number; language?: { ui?: string; text?: string }; problems?: readonly FieldProblem[]; previous?: SigningPageInput['previous'] } = {},
): HttpResponse {
  const { commitment, declaration } = open;
  const languages = sessionLanguages(open, options.language);
  const m = messagesFor(languages.ui);
  const version = versionShown(declaration, languages.text, commitment.organisation.category);
  const clauses = version.clauses;
  const paths = signingPaths();
  return operatorPage(options.status ?? 200, signingPage({
    messages: m,
    language: languages.ui,
    version,
    hasVersionInPageLanguage: declaration.texts[languages.ui] !== undefined,
    otherVersions: Object.keys(declaration.texts)
      .filter((language) => language !== version.language)
      .sort()
      .map((language) => ({ language, href: `${paths.form}?lang=${language}` })),
    organisationName: commitment.organisation.name,
    categoryLabel: m.categories[commitment.organisation.category],
    formToken: sessionFormToken(key, open.sessionId),
    action: paths.form,
    previous: options.previous,
    errors: (options.problems ?? []).map((problem) => fieldError(problem, m, clauses)),
    contactAddress: contact(),
  }));
}

function fieldError(problem: FieldProblem, m: Messages, clauses: readonly { id: string; text: string }[]): FieldError {
  switch (problem.problem) {
    case 'required':
      if (problem.field === 'consent') return { field: 'consent', message: m.form.errorConsent };
      return { field: problem.field, message: { signerName: m.form.errorNameRequired, signerTitle: m.form.errorTitleRequired, reason: m.form.errorReasonRequired }[problem.field] };
    case 'too-long':
      return { field: problem.field, message: m.form.errorTooLong(problem.max) };
    case 'control-characters':
      return { field: problem.field, message: m.form.errorControlCharacters };
    case 'required-commitment': {
      const text = clauses.find((clause) => clause.id === problem.clauseId)?.text ?? problem.clauseId;
      return { field: `c-${problem.clauseId}`, message: m.form.errorRequiredCommitment(text.length > 120 ? `${text.slice(0, 117)}…` : text) };
    }
    case 'outdated':
      return { field: 'declaration', message: m.form.errorOutdated };
  }
}

export function outcomeResponse(outcome: 'SIGNED' | 'DECLINED', organisationName: string, language: string, cookies: string[]): HttpResponse {
  const m = messagesFor(language);
  const frame = { messages: m, language, contactAddress: contact(), organisationName };
  return { ...operatorPage(200, outcome === 'SIGNED' ? signedPage(frame) : declinedPage(frame)), cookies };
}
