import * as z from './zod';
import { CATEGORIES, CATEGORY_LABELS, type Category } from './categories';
import type { FieldProblem } from './errors';
import { sha256Hex } from './hashing';
import { domainName as emailDomain } from './commitment';
import { languageCode, lineField, textField } from './text';
import { DEFAULT_NOTIFICATION_SETTINGS, notificationSettingsSchema, type NotificationSettings } from './notifications';

export interface CommitmentClause {
  readonly id: string;
  /** The text in the declaration's default language. */
  readonly text: string;
  readonly required: boolean;
  /**
   * The text in each language version of the declaration, the default one included. Absent on
   * declarations stored before commitments were translated: their one `text` was shown in every version.
   */
  readonly texts?: Readonly<Record<string, string>>;
}

export interface DeclarationText {
  readonly title: string;
  readonly text: string;
  /** SHA-256 (hex) of `text` exactly as stored and shown. */
  readonly sha256: string;
}

/** DRAFT: editable, nobody can be invited. OPEN: invitations and signing. CLOSED: finished. */
export type DeclarationStatus = 'DRAFT' | 'OPEN' | 'CLOSED';

/**
 * What the workflow can honour per declaration. The reminder interval and count are deployment
 * settings of the state machine (CDK context); a declaration can only switch the automatic
 * reminders off (admins then remind by hand) and set a deadline that caps every link's validity.
 */
export interface ReminderPolicy {
  readonly automatic: boolean;
}

/** Email domains registered for one organisation; applied to its invitations that name none. */
export interface OrganisationDomains {
  readonly organisation: string;
  readonly domains: readonly string[];
}

export interface Declaration {
  readonly id: string;
  readonly version: string;
  readonly status: DeclarationStatus;
  readonly defaultLanguage: string;
  readonly texts: Readonly<Record<string, DeclarationText>>;
  readonly commitments: Readonly<Record<Category, readonly CommitmentClause[]>>;
  /** No link is valid after this instant (ISO 8601); absent: the deployment's signing window alone. */
  readonly deadline?: string;
  readonly reminders: ReminderPolicy;
  /** Signatories confirm a one-time code sent to the invited address before signing. */
  readonly oneTimeCode: boolean;
  readonly organisationDomains: readonly OrganisationDomains[];
  /**
   * Who in the Commission team is emailed, and about what. Unlike the content it may change while
   * the declaration is open, so whoever sends a notification reads `getDeclaration`, not the kept content.
   */
  readonly notifications?: NotificationSettings;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt?: string;
  readonly updatedBy?: string;
  readonly openedAt?: string;
  readonly closedAt?: string;
}

/**
 * What a declaration says and asks: texts, commitments, languages and settings. None of it changes
 * once the declaration is open (drafts alone are edited; opening and closing only move `status`),
 * except the deadline, which an admin may move later: invitations keep their links' expiry on their
 * own record (`linksExpireAt`), which moving the deadline updates, so the signing path does not
 * depend on a deadline read earlier (only commitments recorded before that attribute existed do).
 */
export type DeclarationContent = Omit<Declaration, 'status' | 'closedAt'>;

// A draft is saved with fields still empty; what opening it needs is checked then (missingForOpening).
const clauseSchema = z.object({
  id: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'the id must be 1-40 lowercase letters, digits or dashes'))),
  /** The text in the declaration's default language. */
  text: z._default(textField('the text', 2_000, { allowEmpty: true }), ''),
  /** The text in other language versions (the default one may be given here instead of `text`). */
  texts: z.optional(z.record(languageCode, textField('the text', 2_000, { allowEmpty: true }))),
  required: z._default(z.boolean(), true),
});

const commitmentsSchema = z.object(
  Object.fromEntries(CATEGORIES.map((category) => [category, z.array(clauseSchema, { error: 'list its commitments (none yet in a draft)' }).check(z.maxLength(50, 'at most 50 commitments'))])) as Record<
    Category,
    z.ZodMiniArray<typeof clauseSchema>
  >,
  { error: `list the commitments of each category: ${CATEGORIES.join(', ')}` },
);

const organisationDomainsSchema = z.strictObject({
  organisation: lineField('the organisation', 300),
  domains: z.array(emailDomain).check(z.minLength(1, 'list at least one email domain for the organisation'), z.maxLength(20)),
});

/** The fields of a declaration an admin writes, shared by creation and by editing a draft. */
const declarationFields = {
  version: z._default(lineField('the version', 40), '1.0'),
  defaultLanguage: z._default(languageCode, 'en'),
  texts: z
    .record(languageCode, z.object({ title: lineField('the title', 300, { allowEmpty: true }), text: textField('the text', 50_000, { allowEmpty: true }) }))
    .check(z.refine((texts) => Object.keys(texts).length >= 1, 'write the declaration in at least one language')),
  commitments: commitmentsSchema,
  deadline: z.optional(
    z.pipe(
      z.iso
        .datetime({ offset: true, error: 'it must be a date and time such as 2027-03-31T17:00:00Z' })
        .check(z.refine((value) => Date.parse(value) > Date.now(), 'it must be in the future')),
      z.transform((value) => new Date(value).toISOString()),
    ),
  ),
  reminders: z._default(z.strictObject({ automatic: z.boolean({ error: 'it must be on or off (true or false)' }) }), { automatic: true }),
  oneTimeCode: z._default(z.boolean({ error: 'it must be on or off (true or false)' }), true),
  organisationDomains: z._default(z.array(organisationDomainsSchema).check(z.maxLength(2_000, 'at most 2,000 organisations with registered domains')), []),
  notifications: z._default(notificationSettingsSchema, DEFAULT_NOTIFICATION_SETTINGS),
};

type DeclarationFields = {
  texts: Record<string, { title: string }>;
  defaultLanguage: string;
  organisationDomains: readonly { organisation: string }[];
  commitments: Readonly<Record<Category, readonly { text: string; texts?: Readonly<Record<string, string>> }[]>>;
};

function checkDeclarationFields(input: DeclarationFields, context: z.core.$RefinementCtx): void {
  const named = input.texts[input.defaultLanguage];
  if (!named) context.addIssue({ code: 'custom', message: `${languageName(input.defaultLanguage)} (${input.defaultLanguage}) has no version below: write one, or choose one of the languages below`, path: ['defaultLanguage'] });
  // The one thing a draft needs: what names it in lists, its title in the default language.
  else if (!named.title) context.addIssue({ code: 'custom', message: 'the title is required, even in a draft: it names the declaration', path: ['texts', input.defaultLanguage, 'title'] });
  const seen = new Set<string>();
  input.organisationDomains.forEach((entry, index) => {
    const key = organisationKey(entry.organisation);
    if (seen.has(key)) context.addIssue({ code: 'custom', message: `${entry.organisation} is listed twice`, path: ['organisationDomains', index, 'organisation'] });
    seen.add(key);
  });
  for (const category of CATEGORIES) {
    (input.commitments[category] ?? []).forEach((clause, index) => {
      for (const language of Object.keys(clause.texts ?? {})) {
        if (!input.texts[language]) context.addIssue({ code: 'custom', message: `the declaration has no ${languageName(language)} version (${language}): add one, or remove this text`, path: ['commitments', category, index, 'texts', language] });
      }
      const inDefault = clause.texts?.[input.defaultLanguage];
      if (clause.text && inDefault && inDefault !== clause.text) {
        context.addIssue({ code: 'custom', message: `two different ${languageName(input.defaultLanguage)} texts are given (text and texts.${input.defaultLanguage}): give it once`, path: ['commitments', category, index, 'texts', input.defaultLanguage] });
      }
    });
  }
}

/** A new declaration: OPEN for invitations at once, unless `draft` is true. */
export const createDeclarationSchema = z
  .strictObject({ ...declarationFields, draft: z._default(z.boolean({ error: 'draft must be true or false' }), false) })
  .check(z.superRefine(checkDeclarationFields));

/** Editing a draft replaces everything an admin wrote. */
export const updateDeclarationSchema = z.strictObject(declarationFields).check(z.superRefine(checkDeclarationFields));

export type CreateDeclarationInput = z.input<typeof createDeclarationSchema>;

// Built on first use: loading the language names' data takes 10-30 ms of a cold start, and only messages about a declaration's languages need it.
let languageNames: Intl.DisplayNames | undefined;

/** A language's name in English ("French" for fr), or its code when it has none. */
export function languageName(code: string): string {
  try {
    languageNames ??= new Intl.DisplayNames('en', { type: 'language' });
    const name = languageNames.of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  version: 'Version',
  defaultLanguage: 'Default language',
  deadline: 'Deadline',
  reminders: 'Automatic reminders',
  oneTimeCode: 'One-time code',
  draft: 'Draft',
};

/** Where a path points in a declaration, in the words of the console's form: "French version", "Customs authority, commitment 2". */
export function placeInDeclaration(path: readonly PropertyKey[]): string {
  const [field, key, index, part, language] = path.map(String);
  if (field === 'texts') return key ? `${languageName(key)} version` : 'Text of the declaration';
  if (field === 'commitments') {
    if (!key) return 'Commitments';
    const category = CATEGORY_LABELS[key as Category] ?? key;
    if (index === undefined) return category;
    const clause = `${category}, commitment ${Number(index) + 1}`;
    return part === 'texts' && language ? `${clause}, ${languageName(language)} text` : clause;
  }
  if (field === 'organisationDomains') return key === undefined ? 'Registered email domains' : `Registered email domains, line ${Number(key) + 1}`;
  return (field && FIELD_NAMES[field]) ?? (path.length > 0 ? path.map(String).join('.') : 'The declaration');
}

/**
 * A commitment's text in each language it has one in: `texts`, with `text` as the default
 * language's (as an admin writes it, and as stored).
 */
export function clauseTexts(clause: { readonly text: string; readonly texts?: Readonly<Record<string, string>> }, defaultLanguage: string): Record<string, string> {
  const texts: Record<string, string> = Object.fromEntries(Object.entries(clause.texts ?? {}).filter(([, text]) => text !== ''));
  if (clause.text) texts[defaultLanguage] = clause.text;
  return texts;
}

/**
 * What a declaration still lacks to be opened for signing, every piece in words with its field:
 * a title and a text in each language, and at least one commitment per category, each with its
 * text in every language version (the message names the language and the commitment).
 */
export function missingForOpening(content: {
  readonly defaultLanguage: string;
  readonly texts: Readonly<Record<string, { readonly title: string; readonly text: string }>>;
  readonly commitments: Readonly<Record<Category, readonly { readonly text: string; readonly texts?: Readonly<Record<string, string>> }[]>>;
}): FieldProblem[] {
  const missing: FieldProblem[] = [];
  const add = (path: readonly (string | number)[], what: string, place = path) => missing.push({ field: path.join('.'), message: `${placeInDeclaration(place)}: ${what}` });
  // The default language first, then the others by code: a stored map keeps no order.
  const languages = Object.keys(content.texts).sort((a, b) => Number(b === content.defaultLanguage) - Number(a === content.defaultLanguage) || a.localeCompare(b));
  for (const language of languages) {
    const text = content.texts[language]!;
    if (!text.title) add(['texts', language, 'title'], 'the title is missing');
    if (!text.text) add(['texts', language, 'text'], 'the text is missing');
  }
  for (const category of CATEGORIES) {
    const clauses = content.commitments[category] ?? [];
    if (clauses.length === 0) add(['commitments', category], 'add at least one commitment');
    clauses.forEach((clause, index) => {
      const texts = clauseTexts(clause, content.defaultLanguage);
      for (const language of languages) {
        if (texts[language]) continue;
        const path = language === content.defaultLanguage ? ['commitments', category, index, 'text'] : ['commitments', category, index, 'texts', language];
        add(path, `the ${languageName(language)} text is missing`, ['commitments', category, index]);
      }
    });
  }
  return missing;
}
export type DeclarationInput = z.output<typeof updateDeclarationSchema>;
export type ParsedCreateDeclarationInput = z.output<typeof createDeclarationSchema>;

/** Organisation names match whatever their case, spacing or Unicode form. */
export function organisationKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** The domains registered for an organisation in the declaration, if any. */
export function registeredDomainsOf(declaration: Pick<Declaration, 'organisationDomains'>, organisation: string): readonly string[] {
  const key = organisationKey(organisation);
  return declaration.organisationDomains.find((entry) => organisationKey(entry.organisation) === key)?.domains ?? [];
}

/**
 * When a link issued for an invitation stops working: the deployment's signing window from the
 * invitation, capped by the declaration's deadline.
 */
export function linkExpiry(declaration: Pick<Declaration, 'deadline'>, invitedAt: string, windowSeconds: number): Date {
  const window = Date.parse(invitedAt) + windowSeconds * 1000;
  return new Date(declaration.deadline ? Math.min(window, Date.parse(declaration.deadline)) : window);
}

export function buildDeclaration(input: DeclarationInput & { draft?: boolean }, id: string, createdBy: string, now: Date): Declaration {
  const texts = Object.fromEntries(
    Object.entries(input.texts).map(([language, { title, text }]) => [language, { title, text, sha256: sha256Hex(text) }]),
  );
  const commitments = Object.fromEntries(
    CATEGORIES.map((category) => {
      const clauses = input.commitments[category].map((clause, index) => {
        const texts = clauseTexts(clause, input.defaultLanguage);
        return { id: clause.id ?? `${category.replace(/_/g, '-')}-${index + 1}`, text: texts[input.defaultLanguage] ?? '', required: clause.required, texts };
      });
      return [category, clauses];
    }),
  ) as Record<Category, CommitmentClause[]>;
  return {
    id,
    version: input.version,
    status: input.draft ? 'DRAFT' : 'OPEN',
    defaultLanguage: input.defaultLanguage,
    texts,
    commitments,
    ...(input.deadline ? { deadline: input.deadline } : {}),
    reminders: input.reminders,
    oneTimeCode: input.oneTimeCode,
    organisationDomains: input.organisationDomains,
    notifications: input.notifications,
    createdAt: now.toISOString(),
    createdBy,
    ...(input.draft ? {} : { openedAt: now.toISOString() }),
  };
}

export function requiresOneTimeCode(declaration: Pick<Declaration, 'oneTimeCode'>): boolean {
  return declaration.oneTimeCode !== false;
}

/** The text shown for a language, falling back to the declaration's default language. */
export function textFor(declaration: Pick<DeclarationContent, 'id' | 'texts' | 'defaultLanguage'>, language: string): { language: string; text: DeclarationText } {
  const exact = declaration.texts[language];
  if (exact) return { language, text: exact };
  const fallback = declaration.texts[declaration.defaultLanguage];
  if (!fallback) throw new Error(`declaration ${declaration.id} has no text in its default language`);
  return { language: declaration.defaultLanguage, text: fallback };
}

/** The commitments whose id an earlier one of their category already has. */
export function duplicateClauseIds(declaration: Pick<Declaration, 'commitments'>): { category: Category; index: number; id: string }[] {
  const seen = new Set<string>();
  const duplicates: { category: Category; index: number; id: string }[] = [];
  for (const category of CATEGORIES) {
    declaration.commitments[category].forEach((clause, index) => {
      const key = `${category}/${clause.id}`;
      if (seen.has(key)) duplicates.push({ category, index, id: clause.id });
      seen.add(key);
    });
  }
  return duplicates;
}
