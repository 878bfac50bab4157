import { buildDeclaration, duplicateClauseIds, missingForOpening, placeInDeclaration, type Declaration, type ParsedCreateDeclarationInput } from '../domain/declaration';
import { DomainError } from '../domain/errors';
import { newId } from '../domain/ids';
import type { Caller } from '../shared/access';
import { adminActor } from '../store/audit';
import { putDeclaration } from '../store/declarations';
import { clock } from '../shared/clock';

/** Creates a declaration, OPEN at once unless the admin asked for a draft. */
export async function createDeclaration(input: ParsedCreateDeclarationInput, caller: Caller, now = clock.now()): Promise<Declaration> {
  const declaration = buildDeclaration(input, newId('dcl', now.getTime()), caller.userId, now);
  refuseDuplicateClauseIds(declaration);
  if (!input.draft) refuseIncomplete(declaration, 'INVALID_INPUT');
  await putDeclaration(declaration, {
    type: 'DECLARATION_CREATED',
    ...adminActor(caller),
    at: declaration.createdAt,
    detail: { status: declaration.status, version: declaration.version, languages: Object.keys(declaration.texts), textSha256: declaration.texts[declaration.defaultLanguage]?.sha256 },
  });
  return declaration;
}

export function refuseDuplicateClauseIds(declaration: Pick<Declaration, 'commitments'>): void {
  const duplicates = duplicateClauseIds(declaration);
  if (duplicates.length > 0) {
    const fields = duplicates.map(({ category, index }) => ({ field: `commitments.${category}.${index}.id`, message: `${placeInDeclaration(['commitments', category, index])}: another commitment of this category has the same id` }));
    throw new DomainError('INVALID_INPUT', 'Each commitment id must be unique within its category.', fields.map((problem) => problem.message), { fields });
  }
}

/** Opening needs every piece: the refusal lists each one missing, in words, with its field. */
export function refuseIncomplete(declaration: Pick<Declaration, 'defaultLanguage' | 'texts' | 'commitments'>, code: 'INVALID_INPUT' | 'WRONG_STATE'): void {
  const fields = missingForOpening(declaration);
  if (fields.length > 0) {
    throw new DomainError(code, 'The declaration cannot be opened for signing yet: fill in what is missing, or save it as a draft.', fields.map((problem) => problem.message), { fields });
  }
}
