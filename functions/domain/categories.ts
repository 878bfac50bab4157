export const CATEGORIES = ['law_enforcement', 'customs', 'port_authority', 'private_operator', 'eu_agency'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  law_enforcement: 'Law enforcement',
  customs: 'Customs authority',
  port_authority: 'Port authority (public operator)',
  private_operator: 'Private operator (terminal, shipping line, logistics)',
  eu_agency: 'EU agency',
};
