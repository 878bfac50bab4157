/** The sample joint declaration in one language: the demo's and the tests' text, abridged. */
export interface SampleText {
  readonly title: string;
  /** Paragraphs; an empty string is a blank line between them. */
  readonly paragraphs: readonly string[];
  /** The text of each commitment, by its id (the same ids in every language). */
  readonly commitments: Readonly<Record<SampleCommitmentId, string>>;
}

export const SAMPLE_COMMITMENT_IDS = [
  'share-intelligence',
  'joint-operations',
  'risk-analysis',
  'scanning',
  'access-control',
  'vulnerability-assessment',
  'screen-staff',
  'report-incidents',
  'secure-data',
  'support-members',
] as const;
export type SampleCommitmentId = (typeof SAMPLE_COMMITMENT_IDS)[number];
