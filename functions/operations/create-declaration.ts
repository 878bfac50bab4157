import { buildDeclaration, duplicateClauseIds, type CreateDeclarationInput, type Declaration } from '../domain/declaration';
import { newId } from '../domain/ids';
import type { Caller } from '../shared/access';
import { DomainError } from '../shared/errors';
import { putDeclaration } from '../store/declarations';

export async function createDeclaration(input: CreateDeclarationInput, caller: Caller, now = new Date()): Promise<Declaration> {
  const declaration = buildDeclaration(input, newId('dcl', now.getTime()), caller.userId, now);
  const duplicates = duplicateClauseIds(declaration);
  if (duplicates.length > 0) {
    throw new DomainError('INVALID_INPUT', 'Each commitment id must be unique within its category.', duplicates.map((key) => `duplicate commitment id ${key}`));
  }
  await putDeclaration(declaration);
  return declaration;
}
