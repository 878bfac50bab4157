/** The CLDR plural category of a count in a language ("one", "few", "other", ...): French counts 0 as "one". */
export function plural(language: string, count: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(language).select(count);
}

/**
 * The form of a word that goes with a count, chosen by the language's CLDR rules: Polish needs
 * one/few/many, Irish and Maltese one/two/few/many. `other` is always required; a category a
 * language uses but the caller left out falls back to `other`.
 */
export function countForms(language: string, count: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string }): string {
  return forms[plural(language, count)] ?? forms.other;
}

/** A count written with the language's digit grouping ("1 234" in French, "1.234" in German). */
export function formatCount(language: string, count: number): string {
  return count.toLocaleString(language);
}
