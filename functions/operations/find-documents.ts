import type { Category } from '../domain/categories';
import { matchesEveryWord, searchWords } from '../domain/search-text';
import type { ExportSelection } from '../domain/document-export';
import { listCommitments } from '../store/commitments';
import { listDocuments, type DocumentRecord } from '../store/documents';
import { loadDeclaration } from './load';

export interface DocumentQuery {
  readonly categories?: readonly Category[];
  readonly countries?: readonly string[];
  /** Words to find in the organisation or the commitment id. */
  readonly search?: string;
  /** Sealed at or after (ISO 8601). */
  readonly sealedFrom?: string;
  /** Sealed before (ISO 8601). */
  readonly sealedTo?: string;
}

/** The sealed documents of a declaration that match, newest first. */
export async function findDocuments(declarationId: string, query: DocumentQuery): Promise<DocumentRecord[]> {
  await loadDeclaration(declarationId);
  const words = searchWords(query.search);
  return (await listDocuments(declarationId))
    .filter((document) => !query.categories?.length || query.categories.includes(document.category as Category))
    .filter((document) => !query.countries?.length || query.countries.includes(document.country))
    .filter((document) => !query.sealedFrom || document.sealedAt >= query.sealedFrom)
    .filter((document) => !query.sealedTo || document.sealedAt < query.sealedTo)
    .filter((document) => matchesEveryWord(`${document.organisation} ${document.commitmentId}`, words))
    .reverse();
}

/**
 * The sealed documents an export selects, by country, category and organisation (the order of the
 * ZIP's folders). A state filter is the commitment's state now, read from the commitments.
 */
export async function selectExportDocuments(selection: ExportSelection): Promise<DocumentRecord[]> {
  const documents = await findDocuments(selection.declarationId, {
    categories: selection.categories, countries: selection.countries, search: selection.search, sealedFrom: selection.sealedFrom, sealedTo: selection.sealedTo,
  });
  let selected = documents;
  if (selection.states?.length) {
    const stateOf = new Map((await listCommitments(selection.declarationId)).map((commitment) => [commitment.id, commitment.state]));
    selected = documents.filter((document) => selection.states!.includes(stateOf.get(document.commitmentId)!));
  }
  return [...selected].sort((a, b) => a.country.localeCompare(b.country) || a.category.localeCompare(b.category)
    || a.organisation.localeCompare(b.organisation, 'en') || a.commitmentId.localeCompare(b.commitmentId));
}
