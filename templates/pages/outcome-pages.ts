import { html } from '../html';
import type { Messages, Problem } from '../i18n';
import { operatorPage } from './layout';

interface OutcomeFrame {
  readonly messages: Messages;
  readonly language: string;
  readonly contactAddress: string;
}

export function signedPage(frame: OutcomeFrame & { readonly organisationName: string }): string {
  const m = frame.messages;
  return operatorPage({ ...frame, title: m.outcome.signedTitle }, html`
<h1>${m.outcome.signedTitle}</h1>
<p>${m.outcome.signedLead(frame.organisationName)}</p>
<ol>${m.outcome.nextSteps.map((step) => html`<li>${step}</li>`)}</ol>
<p>${m.outcome.confirmationSent}</p>
<p>${m.outcome.closePage}</p>`);
}

export function declinedPage(frame: OutcomeFrame & { readonly organisationName: string }): string {
  const m = frame.messages;
  return operatorPage({ ...frame, title: m.outcome.declinedTitle }, html`
<h1>${m.outcome.declinedTitle}</h1>
<p>${m.outcome.declinedLead(frame.organisationName)}</p>
<p>${m.outcome.closePage}</p>`);
}

/** A link, session or request that cannot go on: what happened and what to do next, never internals. */
export function problemPage(frame: OutcomeFrame & { readonly problem: Problem; readonly backLink?: { readonly href: string; readonly label: string } }): string {
  const { problem } = frame;
  return operatorPage({ ...frame, title: problem.title }, html`
<h1>${problem.title}</h1>
<p>${problem.message}</p>
<p>${problem.next}</p>
${frame.backLink ? html`<p><a href="${frame.backLink.href}">${frame.backLink.label}</a></p>` : ''}`);
}
