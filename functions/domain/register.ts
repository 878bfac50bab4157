import { CATEGORIES, type Category } from './categories';
import type { Commitment } from './commitment';

/**
 * One organisation in the public register: exactly what its signatory agreed to publish (name,
 * country, category) and nothing about a person. The commitment id only keys the record.
 */
export interface RegisterEntry {
  readonly commitmentId: string;
  readonly organisation: string;
  readonly country: string;
  readonly category: Category;
}

export interface RegisterCountry {
  readonly country: string;
  readonly count: number;
  readonly categories: readonly { readonly category: Category; readonly organisations: readonly string[] }[];
}

export interface GroupedRegister {
  readonly count: number;
  readonly countries: readonly RegisterCountry[];
}

/**
 * The register as a page shows it: by country (in the order `countryOrder` gives, e.g. by the
 * country's name in the reader's language), then by category in the product's order, organisations
 * alphabetically in `collator`'s language.
 */
export function groupRegister(
  entries: readonly RegisterEntry[],
  options: { readonly countryOrder?: (a: string, b: string) => number; readonly collator?: Intl.Collator } = {},
): GroupedRegister {
  const collator = options.collator ?? new Intl.Collator('en');
  const byCountry = new Map<string, Map<Category, string[]>>();
  for (const entry of entries) {
    const categories = byCountry.get(entry.country) ?? new Map<Category, string[]>();
    categories.set(entry.category, [...(categories.get(entry.category) ?? []), entry.organisation]);
    byCountry.set(entry.country, categories);
  }
  const countryOrder = options.countryOrder ?? ((a: string, b: string) => a.localeCompare(b));
  const countries = [...byCountry.keys()].sort(countryOrder).map((country) => {
    const categories = byCountry.get(country)!;
    const groups = CATEGORIES.filter((category) => categories.has(category))
      .map((category) => ({ category, organisations: [...categories.get(category)!].sort(collator.compare) }));
    return { country, count: groups.reduce((sum, group) => sum + group.organisations.length, 0), categories: groups };
  });
  return { count: entries.length, countries };
}

/** What the register shows of a commitment: the organisation, never its contact or signer. */
export function registerEntryOf(commitment: Pick<Commitment, 'id' | 'organisation'>): RegisterEntry {
  return { commitmentId: commitment.id, organisation: commitment.organisation.name, country: commitment.organisation.country, category: commitment.organisation.category };
}
