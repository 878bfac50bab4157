import { html } from '../html';
import { pageLayout } from './layout';

export function signedPage(organisationName: string): string {
  return pageLayout('Thank you: your signature is recorded', html`
<h1>Thank you: your signature is recorded</h1>
<p>The commitment of ${organisationName} to the joint declaration is recorded. What happens next:</p>
<ol><li>Automatic checks verify the signature.</li><li>The European Commission countersigns it.</li><li>You receive the sealed PDF certificate by email.</li></ol>
<p>You can close this page.</p>`);
}

export function declinedPage(organisationName: string): string {
  return pageLayout('You declined the declaration', html`
<h1>You declined the declaration</h1>
<p>We recorded that ${organisationName} declines to sign, with your reason. The European Commission may contact you.</p>`);
}

/** An unusable link or a failure: says what happened and what to do, never internals. */
export function problemPage(title: string, message: string, contactAddress: string): string {
  return pageLayout(title, html`
<h1>${title}</h1>
<p>${message}</p>
<p>If you need a new link or have a question, write to the European Commission at <a href="mailto:${contactAddress}">${contactAddress}</a>.</p>`);
}
