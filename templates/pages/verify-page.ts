import type { SealValidation, VerificationAnswer } from '../../functions/operations/verify-document';
import { html, type SafeHtml } from '../html';
import { pageLayout } from './layout';

const TITLE = 'Check a sealed document';

/** The form alone, or with the answer to what was asked above it. No script: a plain form POST. */
export function verifyPage(options: { answer?: VerificationAnswer; problem?: string } = {}): string {
  return pageLayout(TITLE, html`
<h1>${TITLE}</h1>
<p>Find out whether the European Commission issued a European Ports Alliance certificate or joint declaration,
for which organisation and declaration, when, and whether it was revoked.</p>
${options.problem ? html`<div class="errors" role="alert"><p>${options.problem}</p></div>` : ''}
${options.answer ? answerBlock(options.answer) : ''}
${options.answer?.seal ? sealBlock(options.answer.seal) : ''}
<form method="post" action="/verify" enctype="multipart/form-data">
<fieldset><legend>Check a file or its fingerprint</legend>
<label for="file">The PDF file</label>
<input id="file" name="file" type="file" accept="application/pdf,.pdf">
<label for="sha256">or its SHA-256 (64 hexadecimal characters)</label>
<input id="sha256" name="sha256" type="text" inputmode="latin" autocomplete="off" spellcheck="false" pattern="\\s*[0-9A-Fa-f]{64}\\s*" aria-describedby="sha256-help">
<p id="sha256-help" class="muted">The file is only hashed to look it up; it is not kept.</p>
<button class="primary" type="submit">Check</button>
</fieldset>
</form>
<p class="muted">A copy is authentic only when its SHA-256 is the one we issued; a changed byte changes it. The seal itself
can also be checked in any PDF reader that validates signatures.</p>`);
}

function answerBlock(answer: VerificationAnswer): SafeHtml {
  const document = answer.document;
  if (!answer.issued || !document) {
    const asked = answer.sha256 ? html` with SHA-256 <span class="hash">${answer.sha256}</span>` : '';
    return html`<section aria-live="polite"><h2>Not issued by us</h2>
<p>We have no sealed document${asked}. A certificate that was changed after sealing, even by one byte, no longer matches.</p></section>`;
  }
  const exact = answer.sha256 !== undefined;
  return html`<section aria-live="polite"><h2>${document.revoked ? 'Issued by us, and since revoked' : exact ? 'Issued by us' : 'A document with this ID was issued by us'}</h2>
<dl>
<dt>Document</dt><dd>${document.kind === 'certificate' ? 'Certificate of signature' : 'Joint declaration with its signatories'} (${document.documentId})</dd>
<dt>Declaration</dt><dd>${document.declaration.title}, version ${document.declaration.version}</dd>
${document.organisation ? html`<dt>Organisation</dt><dd>${document.organisation.name} (${document.organisation.country})</dd>` : ''}
${document.signatoryCount !== undefined ? html`<dt>Signatories</dt><dd>${document.signatoryCount}</dd>` : ''}
<dt>Sealed</dt><dd>${document.sealedAt.slice(0, 19).replace('T', ' ')} UTC</dd>
<dt>Revoked</dt><dd>${document.revoked ? 'Yes' : 'No'}</dd>
<dt>SHA-256 as issued</dt><dd class="hash">${document.sha256}</dd>
</dl>
${exact ? '' : html`<p>To check a copy, upload it or compare its SHA-256 with the one above.</p>`}</section>`;
}

/** What each PAdES level adds, in the words of someone checking a document. */
const LEVEL_MEANING = {
  'B-B': 'sealed with a trusted certificate',
  'B-T': 'sealed with a trusted certificate, at a time a trusted timestamp authority attests',
  'B-LT': 'timestamped, and carrying the data needed to check the seal after its certificate expires',
  'B-LTA': 'timestamped, carrying the data to check it later, protected by a document timestamp',
} as const;

/** The seal of the uploaded file, validated: level, who and when, every reason with its code, and the checks made. */
function sealBlock(seal: SealValidation): SafeHtml {
  const heading = seal.valid && seal.level ? `The seal is valid: PAdES ${seal.level}` : 'The seal is not valid';
  return html`<section aria-labelledby="seal-heading"><h2 id="seal-heading">${heading}</h2>
${seal.valid && seal.level ? html`<p>The file is ${LEVEL_MEANING[seal.level]}.</p>` : ''}
<dl>
${seal.signer ? html`<dt>Sealed by</dt><dd>${seal.signer}</dd>` : ''}
<dt>Sealed at</dt><dd>${seal.timestampTime ? `${utc(seal.timestampTime)}, attested by ${seal.timestampAuthority ?? 'a trusted timestamp authority'}` : 'not proven: no trusted timestamp'}</dd>
<dt>Certificates judged at</dt><dd>${utc(seal.validationTime)} (${seal.validationTimeSource === 'signature timestamp' ? 'the time of the timestamp' : 'the time of this check'})</dd>
</dl>
${seal.failures.length > 0 ? html`<h3>Why the seal is not valid</h3>
<ul>${seal.failures.map((failure) => html`<li>${failure.message} <span class="muted">(${failure.code})</span></li>`)}</ul>` : ''}
${seal.limitations.length > 0 ? html`<h3>What the seal does not prove</h3>
<ul>${seal.limitations.map((limitation) => html`<li>${limitation.message} <span class="muted">(${limitation.code})</span></li>`)}</ul>` : ''}
<h3>Checks made</h3>
<ul>${seal.checks.map((check) => html`<li><strong>${check.passed ? 'Passed' : 'Failed'}</strong>: ${check.name}. ${check.detail}</li>`)}</ul>
</section>`;
}

function utc(iso: string): string {
  return `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}
