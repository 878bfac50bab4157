import type { Category } from '../../functions/domain/categories';
import type { CreateDeclarationInput } from '../../functions/domain/declaration';
import { OPERATOR_LANGUAGES, type OperatorLanguage } from '../../functions/domain/languages';
import { SAMPLE_TEXTS, type SampleCommitmentId } from './sample-texts';

/** Which commitments each category signs, in order, and whether each is required. */
const SAMPLE_COMMITMENTS: Readonly<Record<Category, readonly { id: SampleCommitmentId; required: boolean }[]>> = {
  law_enforcement: [
    { id: 'share-intelligence', required: true },
    { id: 'joint-operations', required: false },
  ],
  customs: [
    { id: 'risk-analysis', required: true },
    { id: 'scanning', required: true },
  ],
  port_authority: [
    { id: 'access-control', required: true },
    { id: 'vulnerability-assessment', required: true },
  ],
  private_operator: [
    { id: 'screen-staff', required: true },
    { id: 'report-incidents', required: true },
    { id: 'secure-data', required: false },
  ],
  eu_agency: [{ id: 'support-members', required: true }],
};

/**
 * The joint declaration used by the demo and the tests (an abridged text), with a version in every
 * official EU language (or in those named): the declaration and each commitment in each of them.
 */
export function sampleDeclaration({ languages = OPERATOR_LANGUAGES }: { languages?: readonly OperatorLanguage[] } = {}): CreateDeclarationInput {
  const versions = OPERATOR_LANGUAGES.filter((language) => language === 'en' || languages.includes(language));
  const others = versions.filter((language) => language !== 'en');
  return {
    version: '1.0',
    defaultLanguage: 'en',
    texts: Object.fromEntries(versions.map((language) => [language, { title: SAMPLE_TEXTS[language].title, text: SAMPLE_TEXTS[language].paragraphs.join('\n') }])),
    commitments: Object.fromEntries(
      Object.entries(SAMPLE_COMMITMENTS).map(([category, clauses]) => [
        category,
        clauses.map(({ id, required }) => ({
          id,
          text: SAMPLE_TEXTS.en.commitments[id],
          texts: Object.fromEntries(others.map((language) => [language, SAMPLE_TEXTS[language].commitments[id]])),
          required,
        })),
      ]),
    ) as CreateDeclarationInput['commitments'],
  };
}
