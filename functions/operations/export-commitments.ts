import type { Commitment } from '../domain/commitment';
import { commitmentRow, listPage, type ListQuery } from '../domain/commitment-list';
import { csvDocument } from '../domain/csv-writer';
import { listCommitments } from '../store/commitments';
import { loadDeclaration } from './load';

const HEADER = [
  'commitment_id', 'organisation', 'category', 'country', 'email', 'contact_name', 'language', 'state',
  'invited_at', 'updated_at', 'signer_name', 'signer_title', 'signed_at', 'countersigned_at', 'sealed_at', 'document_sha256', 'delivered_at',
] as const;

function cells(commitment: Commitment): string[] {
  return [
    commitment.id, commitment.organisation.name, commitment.organisation.category, commitment.organisation.country, commitment.organisation.email,
    commitment.organisation.contactName, commitment.language, commitment.state, commitment.invitedAt, commitment.updatedAt,
    commitment.signature?.signerName ?? '', commitment.signature?.signerTitle ?? '', commitment.signature?.signedAt ?? '',
    commitment.countersignature?.countersignedAt ?? '', commitment.document?.sealedAt ?? '', commitment.document?.sha256 ?? '', commitment.delivery?.deliveredAt ?? '',
  ];
}

/** The tracking list as CSV, with the list's filters, search and order (every page). */
export async function exportCommitments(declarationId: string, query: ListQuery): Promise<string> {
  await loadDeclaration(declarationId);
  const commitments = await listCommitments(declarationId);
  const byId = new Map(commitments.map((commitment) => [commitment.id, commitment]));
  const { rows } = listPage(commitments.map(commitmentRow), { ...query, page: 1, pageSize: undefined });
  return csvDocument(HEADER, rows.map((row) => cells(byId.get(row.id)!)));
}
