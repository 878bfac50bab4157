import { buildDeclaration, type Declaration, type DeclarationInput } from '../domain/declaration';
import { DomainError } from '../domain/errors';
import type { Caller } from '../shared/access';
import { adminActor } from '../store/audit';
import { replaceDraft } from '../store/declarations';
import { refuseDuplicateClauseIds } from './create-declaration';
import { loadDeclaration } from './load';
import { clock } from '../shared/clock';

/** Replaces what an admin wrote in a draft; refused once the declaration is open. */
export async function updateDeclaration(declarationId: string, input: DeclarationInput, caller: Caller, now = clock.now()): Promise<Declaration> {
  const current = await loadDeclaration(declarationId);
  if (current.status !== 'DRAFT') throw notADraft(current);
  const rebuilt = buildDeclaration({ ...input, draft: true }, current.id, current.createdBy, new Date(current.createdAt));
  refuseDuplicateClauseIds(rebuilt);
  const updated: Declaration = { ...rebuilt, updatedAt: now.toISOString(), updatedBy: caller.userId };
  const event = { type: 'DECLARATION_EDITED' as const, ...adminActor(caller), detail: { version: updated.version, languages: Object.keys(updated.texts), textSha256: updated.texts[updated.defaultLanguage]?.sha256 } };
  if (!(await replaceDraft(updated, event))) throw notADraft(await loadDeclaration(declarationId));
  return updated;
}

export function notADraft(declaration: Declaration): DomainError {
  return new DomainError('WRONG_STATE', `Only a draft can be edited; this declaration is ${declaration.status}.`);
}
