import type { Commitment } from '../domain/commitment';
import type { Declaration, DeclarationContent } from '../domain/declaration';
import { DomainError } from '../domain/errors';
import { getCommitment } from '../store/commitments';
import { getDeclaration, getDeclarationContent } from '../store/declarations';

export async function loadCommitment(id: string): Promise<Commitment> {
  const commitment = await getCommitment(id);
  if (!commitment) throw new DomainError('NOT_FOUND', `There is no commitment ${id}.`);
  return commitment;
}

export async function loadDeclaration(id: string): Promise<Declaration> {
  const declaration = await getDeclaration(id);
  if (!declaration) throw new DomainError('NOT_FOUND', `There is no declaration ${id}.`);
  return declaration;
}

/** What the declaration says and asks, without its status (see getDeclarationContent). */
export async function loadDeclarationContent(id: string): Promise<DeclarationContent> {
  const content = await getDeclarationContent(id);
  if (!content) throw new DomainError('NOT_FOUND', `There is no declaration ${id}.`);
  return content;
}
