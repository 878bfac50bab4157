import { listDeclarations as listStoredDeclarations, type DeclarationSummary } from '../store/declarations';

/** Every declaration, newest first, as a summary. */
export async function listDeclarations(): Promise<DeclarationSummary[]> {
  return listStoredDeclarations();
}
