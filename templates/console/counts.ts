/**
 * Every count the console shows, worded in its plural forms, and the one helper that picks the form
 * with `Intl.PluralRules` (templates/i18n/plural.ts). It imports nothing else, so that the browser
 * code (templates/console/browser) and the tests can both use it.
 */
import { countForms } from '../i18n/plural';

/**
 * A wording per plural category of the language (`{n}` is the number, formatted), and optionally
 * `none` for exactly zero, where English says something else than "0 things".
 */
export type CountWording = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string; none?: string }>;

/**
 * `n` in the wording's form for it, by the plural rules and digit grouping of `language`:
 * "1 commitment", "3 commitments", "1,250 commitments"; "0 engagement", "1 250 engagements".
 */
export function count(n: number, wording: CountWording, language = 'en'): string {
  const form = (n === 0 ? wording.none : undefined) ?? countForms(language, n, wording);
  return form.replace('{n}', new Intl.NumberFormat(language).format(n));
}

/** The name of each count the console shows. */
export type CountName = keyof typeof COUNTS;

/** The console's counts in English; the catalogs (i18n/) word them in each console language. */
export const COUNTS = {
  commitment: { one: '{n} commitment', other: '{n} commitments' },
  commitmentsMatch: { one: '{n} commitment matches', other: '{n} commitments match' },
  verifiedAwaitCountersignature: { one: '{n} verified commitment awaits countersignature', other: '{n} verified commitments await countersignature' },
  oldestListed: { one: 'the oldest is listed', other: 'the oldest {n} are listed' },
  countersignSelected: { none: 'Countersign the selected commitments', one: 'Countersign {n} selected commitment', other: 'Countersign {n} selected commitments' },
  selectedCommitment: { one: '{n} selected commitment', other: '{n} selected commitments' },
  approveSelected: { none: 'Approve the selected', one: 'Approve {n} selected commitment', other: 'Approve {n} selected commitments' },
  rejectSelected: { none: 'Reject the selected', one: 'Reject {n} selected commitment', other: 'Reject {n} selected commitments' },
  countersignAllVerified: { none: 'Countersign all verified commitments', one: 'Countersign the {n} verified commitment', other: 'Countersign all {n} verified commitments' },
  organisation: { one: '{n} organisation', other: '{n} organisations' },
  invitation: { one: '{n} invitation', other: '{n} invitations' },
  reminder: { one: '{n} reminder', other: '{n} reminders' },
  row: { one: '{n} row', other: '{n} rows' },
  importGoodRows: { one: 'Import only the {n} good row', other: 'Import only the {n} good rows' },
  declaration: { one: '{n} declaration', other: '{n} declarations' },
  sealedDocument: { one: '{n} sealed document', other: '{n} sealed documents' },
  sealedPdf: { one: '{n} sealed PDF', other: '{n} sealed PDFs' },
  signatory: { one: '{n} signatory', other: '{n} signatories' },
  event: { one: '{n} event', other: '{n} events' },
  exportedSoFar: { one: 'Exported {n} event so far…', other: 'Exported {n} events so far…' },
  signature: { one: '{n} signature', other: '{n} signatures' },
  byte: { one: '{n} byte', other: '{n} bytes' },
} as const satisfies Readonly<Record<string, CountWording>>;
