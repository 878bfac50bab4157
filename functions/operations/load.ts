import type { Commitment } from '../domain/commitment';
import type { Declaration } from '../domain/declaration';
import { DomainError } from '../shared/errors';
import { getCommitment } from '../store/commitments';
import { getDeclaration } from '../store/declarations';

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
