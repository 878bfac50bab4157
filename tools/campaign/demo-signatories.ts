import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InvitationInput } from '../../functions/domain/commitment';
import type { Category } from '../../functions/domain/categories';
import { REPO_ROOT } from '../repo-root';

export interface SampleSignatory {
  readonly language: string;
  readonly country: string;
  readonly category: Category;
  readonly organisation: string;
  readonly contact: string;
  readonly function: string;
  readonly email: string;
}

export function loadSampleSignatories(): SampleSignatory[] {
  const file = path.join(REPO_ROOT, 'test', 'fixtures', 'eu-signatories.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { signatories: SampleSignatory[] }).signatories;
}

/** The first ones cover all five categories and Greek, Bulgarian, Polish, French and German. */
const DEMO_FIRST: readonly [string, Category][] = [
  ['el', 'law_enforcement'],
  ['bg', 'customs'],
  ['pl', 'law_enforcement'],
  ['fr', 'customs'],
  ['de', 'private_operator'],
  ['nl', 'port_authority'],
  ['en', 'eu_agency'],
  ['es', 'private_operator'],
];

/**
 * N signatories for a campaign, in an order that covers every category and the scripts that
 * break naive code first. Beyond the sample, entries repeat with a numbered organisation name.
 * `tag` makes the addresses unique per run (plus-addressing keeps the registered domain).
 */
export function campaignSignatories(count: number, tag: string): { invitation: InvitationInput; signatory: SampleSignatory }[] {
  const samples = loadSampleSignatories();
  const ordered: SampleSignatory[] = [];
  for (const [language, category] of DEMO_FIRST) {
    const pick = samples.find((sample) => sample.language === language && sample.category === category && !ordered.includes(sample));
    if (pick) ordered.push(pick);
  }
  for (const sample of samples) if (!ordered.includes(sample)) ordered.push(sample);
  return Array.from({ length: count }, (_, index) => {
    const sample = ordered[index % ordered.length] as SampleSignatory;
    const round = Math.floor(index / ordered.length);
    const [local, domain] = sample.email.split('@') as [string, string];
    const signatory: SampleSignatory = {
      ...sample,
      organisation: round === 0 ? sample.organisation : `${sample.organisation} (${round + 1})`,
      email: `${local}+${tag}-${index + 1}@${domain}`,
    };
    return {
      signatory,
      invitation: {
        organisation: { name: signatory.organisation, category: signatory.category, country: signatory.country, email: signatory.email, contactName: signatory.contact, emailDomains: [domain] },
        language: signatory.language,
      },
    };
  });
}
