/** The CLDR plural category of a count in a language ("one", "few", "other", ...): French counts 0 as "one". */
export function plural(language: string, count: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(language).select(count);
}
