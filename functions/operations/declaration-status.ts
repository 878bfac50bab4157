import { ENV } from '../catalog';
import { commitmentRow, listPage, summarise, type ListQuery } from '../domain/commitment-list';
import { optionalEnv } from '../shared/config';
import { listCommitments } from '../store/commitments';
import { loadDeclaration } from './load';

const EVERYTHING: ListQuery = { sort: 'invitedAt', order: 'asc', page: 1 };

/**
 * The dashboard of a declaration: counts by state, category and country, progress, signatures
 * over time (over every commitment), and one page of the list as filtered, searched and sorted.
 * One Query on GSI1 reads the commitments; the rest is computed from it.
 */
export async function declarationStatus(declarationId: string, query: ListQuery = EVERYTHING) {
  const declaration = await loadDeclaration(declarationId);
  const rows = (await listCommitments(declarationId)).map(commitmentRow);
  const page = listPage(rows, query);
  const windowSeconds = Number(optionalEnv(ENV.linkValiditySeconds) ?? NaN);
  return {
    declaration,
    signingWindowSeconds: Number.isFinite(windowSeconds) ? windowSeconds : undefined,
    ...summarise(rows),
    list: { matching: page.matching, page: page.page, pageSize: page.pageSize, pages: page.pages, sort: query.sort, order: query.order },
    commitments: page.rows,
  };
}
