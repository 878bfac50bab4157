import { html, type SafeHtml } from '../html';
import { languageName } from '../i18n';

/**
 * The other languages of a page, each named in itself: folded under one line (a disclosure that
 * needs no script), since with 24 official languages a list of 23 links would push the page down.
 */
export function languageSwitch(label: string, links: readonly { readonly language: string; readonly href: string }[]): SafeHtml | '' {
  if (links.length === 0) return '';
  return html`<nav class="languages" aria-label="${label}"><details><summary>${label}</summary><ul>${links.map(
    (link) => html`<li><a href="${link.href}" lang="${link.language}" hreflang="${link.language}">${languageName(link.language)}</a></li>`,
  )}</ul></details></nav>`;
}
