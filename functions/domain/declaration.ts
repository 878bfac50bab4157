import { z } from 'zod';
import { CATEGORIES, type Category } from './categories';
import { sha256Hex } from './hashing';
import { languageCode, lineField, textField } from './text';

export interface CommitmentClause {
  readonly id: string;
  readonly text: string;
  readonly required: boolean;
}

export interface DeclarationText {
  readonly title: string;
  readonly text: string;
  /** SHA-256 (hex) of `text` exactly as stored and shown. */
  readonly sha256: string;
}

export type DeclarationStatus = 'OPEN' | 'CLOSED';

export interface Declaration {
  readonly id: string;
  readonly version: string;
  readonly status: DeclarationStatus;
  readonly defaultLanguage: string;
  readonly texts: Readonly<Record<string, DeclarationText>>;
  readonly commitments: Readonly<Record<Category, readonly CommitmentClause[]>>;
  readonly createdAt: string;
  readonly createdBy: string;
}

const clauseSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'id must be 1-40 lowercase letters, digits or dashes').optional(),
  text: textField('commitment text', 2_000),
  required: z.boolean().default(true),
});

const commitmentsSchema = z.object(
  Object.fromEntries(CATEGORIES.map((category) => [category, z.array(clauseSchema).min(1, `${category} needs at least one commitment`).max(50)])) as Record<
    Category,
    z.ZodArray<typeof clauseSchema>
  >,
  { error: `commitments must list the commitments of each category: ${CATEGORIES.join(', ')}` },
);

export const createDeclarationSchema = z
  .object({
    version: lineField('version', 40).default('1.0'),
    defaultLanguage: languageCode.default('en'),
    texts: z
      .record(languageCode, z.object({ title: lineField('title', 300), text: textField('declaration text') }))
      .refine((texts) => Object.keys(texts).length >= 1, 'texts needs at least one language'),
    commitments: commitmentsSchema,
  })
  .strict()
  .refine((input) => input.defaultLanguage in input.texts, {
    message: 'texts must include the default language',
    path: ['texts'],
  });

export type CreateDeclarationInput = z.infer<typeof createDeclarationSchema>;

export function buildDeclaration(input: CreateDeclarationInput, id: string, createdBy: string, now: Date): Declaration {
  const texts = Object.fromEntries(
    Object.entries(input.texts).map(([language, { title, text }]) => [language, { title, text, sha256: sha256Hex(text) }]),
  );
  const commitments = Object.fromEntries(
    CATEGORIES.map((category) => {
      const clauses = input.commitments[category].map((clause, index) => ({
        id: clause.id ?? `${category.replace(/_/g, '-')}-${index + 1}`,
        text: clause.text,
        required: clause.required,
      }));
      return [category, clauses];
    }),
  ) as Record<Category, CommitmentClause[]>;
  return {
    id,
    version: input.version,
    status: 'OPEN',
    defaultLanguage: input.defaultLanguage,
    texts,
    commitments,
    createdAt: now.toISOString(),
    createdBy,
  };
}

/** The text shown for a language, falling back to the declaration's default language. */
export function textFor(declaration: Declaration, language: string): { language: string; text: DeclarationText } {
  const exact = declaration.texts[language];
  if (exact) return { language, text: exact };
  const fallback = declaration.texts[declaration.defaultLanguage];
  if (!fallback) throw new Error(`declaration ${declaration.id} has no text in its default language`);
  return { language: declaration.defaultLanguage, text: fallback };
}

export function duplicateClauseIds(declaration: Pick<Declaration, 'commitments'>): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const category of CATEGORIES) {
    for (const clause of declaration.commitments[category]) {
      const key = `${category}/${clause.id}`;
      if (seen.has(key)) duplicates.push(key);
      seen.add(key);
    }
  }
  return duplicates;
}
