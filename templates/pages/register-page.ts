import type { Category } from '../../functions/domain/categories';
import { OPERATOR_LANGUAGES, type OperatorLanguage } from '../../functions/domain/languages';
import { groupRegister } from '../../functions/domain/register';
import type { PublicRegister } from '../../functions/operations/read-public-register';
import { html, type SafeHtml } from '../html';
import type { Messages } from '../i18n';
import { operatorPage } from './layout';
import { languageSwitch } from './language-switch';

export interface RegisterPageInput {
  readonly register: PublicRegister;
  readonly language: OperatorLanguage;
  readonly messages: Messages;
  readonly contactAddress: string;
}

/** The address of a register page in a language (English has no parameter). */
export function registerHref(declarationId: string | undefined, language: OperatorLanguage): string {
  const path = declarationId ? `/register/${encodeURIComponent(declarationId)}` : '/register';
  return language === 'en' ? path : `${path}?lang=${language}`;
}

/**
 * The public register: no script, no form. Organisations by country (sorted by the country's name
 * in the reader's language), then category; each heading carries its count. Only what the
 * signatory agreed to publish is on the page: organisation, country, category.
 */
export function registerPage(input: RegisterPageInput): string {
  const m = input.messages;
  const { register } = input;
  const declarationId = register.kind === 'declaration' ? register.declaration.id : undefined;
  const languages = languageSwitch(m.register.otherLanguages, OPERATOR_LANGUAGES.filter((language) => language !== input.language).map((language) => ({ language, href: registerHref(declarationId, language) })));
  const body = register.kind === 'index' ? indexBody(input, register.declarations) : declarationBody(input, register);
  const title = register.kind === 'index' ? m.register.title : `${register.declaration.title} · ${m.register.title}`;
  return operatorPage({ title, language: input.language, messages: m, contactAddress: input.contactAddress }, html`${body}${languages}`);
}

function indexBody(input: RegisterPageInput, declarations: Extract<PublicRegister, { kind: 'index' }>['declarations']): SafeHtml {
  const m = input.messages.register;
  return html`<h1>${m.title}</h1>
<p>${m.lead}</p>
<p class="muted">${m.whoIsListed}</p>
<h2>${m.declarationsHeading}</h2>
${declarations.length === 0
    ? html`<p>${m.noDeclarations}</p>`
    : html`<ul>${declarations.map((declaration) => html`<li><a href="${registerHref(declaration.id, input.language)}">${declaration.title}</a></li>`)}</ul>`}`;
}

function declarationBody(input: RegisterPageInput, register: Extract<PublicRegister, { kind: 'declaration' }>): SafeHtml {
  const m = input.messages;
  const countryName = countryNames(input.language);
  const collator = new Intl.Collator(input.language);
  const grouped = groupRegister(register.entries, { collator, countryOrder: (a, b) => collator.compare(countryName(a), countryName(b)) });
  const joint = register.jointDeclaration
    ? html`<p>${m.register.jointSealed(new Intl.DateTimeFormat(input.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(register.jointDeclaration.sealedAt)), register.jointDeclaration.signatoryCount)}
<a href="/verify/${register.declaration.id}">${m.register.jointCheck}</a></p>`
    : html`<p class="muted">${m.register.jointNotYet}</p>`;
  const countries = grouped.countries.map((country) => {
    const headingId = `country-${country.country}`;
    return html`<section aria-labelledby="${headingId}"><h2 id="${headingId}">${m.register.countryHeading(countryName(country.country), country.count)}</h2>
${country.categories.map((group) => html`<h3>${m.register.categoryHeading(categoryLabel(m, group.category), group.organisations.length)}</h3>
<ul>${group.organisations.map((organisation) => html`<li>${organisation}</li>`)}</ul>`)}</section>`;
  });
  return html`<p class="muted">${m.register.title}</p>
<h1 lang="${register.declaration.titleLanguage ?? input.language}">${register.declaration.title}</h1>
<p><strong>${m.register.listedCount(grouped.count)}</strong></p>
<p class="muted">${m.register.whoIsListed}</p>
${joint}
${grouped.count === 0 ? html`<p>${m.register.noneListed}</p>` : countries}
<p><a href="${registerHref(undefined, input.language)}">${m.register.allDeclarations}</a></p>`;
}

function categoryLabel(m: Messages, category: Category): string {
  return m.categories[category];
}

/** "Belgique" for BE in French; the code itself when the platform has no name for it. */
function countryNames(language: string): (code: string) => string {
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  return (code) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
}
