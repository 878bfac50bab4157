import { parseInvitationCsv, type CsvInvitation, type CsvRowProblem } from '../domain/invitation-csv';
import type { Caller } from '../shared/access';
import { invitedAddresses } from '../store/invitees';
import { inviteOrganisations, refuseUnlessOpen, type InvitationResult } from './invite-organisations';
import { loadDeclaration } from './load';

/**
 * `check` reads and reports, inviting nobody. `import` invites only when the whole file is clean.
 * `import-valid-rows` invites the good rows and reports the bad ones.
 */
export type ImportMode = 'check' | 'import' | 'import-valid-rows';

export interface ImportRequest {
  readonly csv: string;
  readonly mode: ImportMode;
  /**
   * Invite only the data rows from `from` to `to` (1-based, inclusive), after checking the whole
   * file: lets a client import a large file in slices that each answer quickly.
   */
  readonly rows?: { readonly from: number; readonly to: number };
}

export interface ImportReport {
  readonly mode: ImportMode;
  readonly fileErrors: readonly string[];
  readonly dataRows: number;
  readonly validRows: number;
  readonly problems: readonly CsvRowProblem[];
  /** Valid rows whose address already has an invitation to this declaration: skipped, never invited twice. */
  readonly alreadyInvited: readonly { readonly line: number; readonly email: string; readonly commitmentId: string }[];
  /** Valid rows not yet invited. */
  readonly toInvite: number;
  /** Why nothing was imported, when an import was refused. */
  readonly refused?: string;
  readonly imported?: { readonly invited: number; readonly alreadyInvited: number; readonly results: readonly (InvitationResult & { readonly line: number })[] };
}

/** Checks an invitation file against the schema, itself and the existing invitations; imports it when asked. */
export async function importInvitations(declarationId: string, request: ImportRequest, caller: Caller): Promise<ImportReport> {
  const declaration = await loadDeclaration(declarationId);
  if (request.mode !== 'check') refuseUnlessOpen(declaration);
  const parsed = parseInvitationCsv(request.csv);
  const existing = parsed.valid.length > 0 ? await invitedAddresses(declarationId) : new Map<string, string>();
  const fresh: CsvInvitation[] = [];
  const alreadyInvited: { line: number; email: string; commitmentId: string }[] = [];
  for (const row of parsed.valid) {
    const commitmentId = existing.get(row.invitation.organisation.email);
    if (commitmentId) alreadyInvited.push({ line: row.line, email: row.invitation.organisation.email, commitmentId });
    else fresh.push(row);
  }
  const report: ImportReport = {
    mode: request.mode,
    fileErrors: parsed.fileErrors,
    dataRows: parsed.dataRows,
    validRows: parsed.valid.length,
    problems: parsed.problems,
    alreadyInvited,
    toInvite: fresh.length,
  };
  if (request.mode === 'check') return report;
  if (parsed.fileErrors.length > 0) return { ...report, refused: 'The file cannot be read as an invitation list; nothing was imported.' };
  if (request.mode === 'import' && parsed.problems.length > 0) {
    return { ...report, refused: `${parsed.problems.length} row(s) have problems; nothing was imported. Correct them, or choose to import only the good rows.` };
  }

  const { rows } = request;
  const inRange = rows ? fresh.filter((row) => row.dataRow >= rows.from && row.dataRow <= rows.to) : fresh;
  const results = inRange.length > 0 ? await inviteOrganisations(declarationId, inRange.map((row) => row.invitation), caller) : [];
  const withLines = results.map((result, index) => ({ ...result, line: inRange[index]!.line }));
  const invited = withLines.filter((result) => result.status === 'invited').length;
  return { ...report, imported: { invited, alreadyInvited: withLines.length - invited, results: withLines } };
}
