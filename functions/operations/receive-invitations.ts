import type { InvitationInput } from '../domain/commitment';
import type { Caller } from '../shared/access';
import { importInvitations, type ImportReport, type ImportRequest } from './import-invitations';
import { inviteOrganisations, type InvitationResult } from './invite-organisations';

/** Invitations as an admin sends them: a list (JSON), or an invitation file to check or import (CSV). */
export type InvitationsRequest =
  | { readonly kind: 'list'; readonly invitations: readonly InvitationInput[] }
  | { readonly kind: 'file'; readonly file: ImportRequest };

export type InvitationsOutcome =
  | { readonly kind: 'list'; readonly invited: number; readonly alreadyInvited: number; readonly results: readonly InvitationResult[] }
  | { readonly kind: 'file'; readonly report: ImportReport };

/** Invites the organisations of a list, or checks an invitation file and imports it when asked. */
export async function receiveInvitations(declarationId: string, request: InvitationsRequest, caller: Caller): Promise<InvitationsOutcome> {
  if (request.kind === 'file') return { kind: 'file', report: await importInvitations(declarationId, request.file, caller) };
  const results = await inviteOrganisations(declarationId, request.invitations, caller);
  const invited = results.filter((result) => result.status === 'invited').length;
  return { kind: 'list', invited, alreadyInvited: results.length - invited, results };
}
