import type { Commitment } from '../domain/commitment';
import { requiresOneTimeCode, type DeclarationContent } from '../domain/declaration';
import { commitmentIdNamedBy, hashLinkSecret, LINK_SECRET_PATTERN } from '../domain/hashing';
import { linkGenerationOf } from '../domain/rounds';
import { SigningError, unknownLink } from '../shared/signing-errors';
import { getCommitment } from '../store/commitments';
import { getDeclarationContent } from '../store/declarations';
import { getLink, getLinkWithCommitment, type SigningLink } from '../store/links';
import { getCodeState, type CodeState } from '../store/one-time-codes';
import { clock } from '../shared/clock';

export interface OpenLink {
  readonly linkHash: string;
  readonly link: SigningLink;
  readonly commitment: Commitment;
  readonly declaration: DeclarationContent;
  readonly codeState: CodeState;
  /** When the link stops working (epoch ms): the commitment's links' expiry, else its own. */
  readonly expiresAt: number;
}

/**
 * Resolves an emailed link to its commitment, refusing a link that is unknown, expired, revoked,
 * already used or locked. Reads only: opening a link never changes anything.
 */
export async function resolveSigningLink(secret: string, now = clock.now()): Promise<OpenLink> {
  if (!LINK_SECRET_PATTERN.test(secret)) throw unknownLink();
  const linkHash = hashLinkSecret(secret);
  const { link, commitment, codeState } = await readLink(secret, linkHash);
  const declaration = commitment ? await getDeclarationContent(commitment.declarationId) : undefined;
  if (!commitment || !declaration) throw unknownLink();
  // A link of an earlier generation (before a new round or a corrected contact) no longer works.
  if ((link.generation ?? 0) !== linkGenerationOf(commitment)) throw new SigningError('LINK_EXPIRED', 'This link was replaced by a newer one.', { language: commitment.language, replaced: true });
  assertSignable(commitment, declaration, linksExpireAt(commitment, link.expiresAt), codeState, now);
  return { linkHash, link, commitment, declaration, codeState, expiresAt: linksExpireAt(commitment, link.expiresAt) };
}

/** When the commitment's links stop working: its own `linksExpireAt`, else the expiry the link was issued with. */
export function linksExpireAt(commitment: Commitment, issuedWith: number): number {
  return commitment.linksExpireAt ?? issuedWith;
}

/** The rules every signing page and POST applies, through a link or a session. */
export function assertSignable(commitment: Commitment, declaration: DeclarationContent, linkExpiresAt: number, codeState: CodeState, now: Date): void {
  const language = commitment.language;
  if (commitment.state === 'REVOKED') throw new SigningError('LINK_REVOKED', 'The European Commission has withdrawn this invitation.', { language });
  if (commitment.state === 'EXPIRED' || (commitment.state === 'INVITED' && linkExpiresAt <= now.getTime())) {
    throw new SigningError('LINK_EXPIRED', 'This invitation has expired.', { language });
  }
  if (commitment.state !== 'INVITED') throw alreadyUsed(commitment);
  if (codeState.lockedAt && requiresOneTimeCode(declaration)) {
    throw new SigningError('LINK_LOCKED', 'A wrong code was entered too often; the link is locked until the Commission resends it.', { language });
  }
}

export function alreadyUsed(commitment: Pick<Commitment, 'state' | 'language'>, code: 'LINK_USED' | 'SESSION_USED' = 'LINK_USED'): SigningError {
  const outcome = commitment.state === 'DECLINED' ? 'declined' : 'signed';
  return new SigningError(code, `Your organisation has already ${outcome} this declaration; nothing more is needed from this link.`, { language: commitment.language, outcome });
}

/** The link with its commitment and code state: one round trip when the secret names its commitment. */
async function readLink(secret: string, linkHash: string): Promise<{ link: SigningLink; commitment: Commitment | undefined; codeState: CodeState }> {
  const named = commitmentIdNamedBy(secret);
  if (named) {
    const found = await getLinkWithCommitment(linkHash, named);
    if (!found) throw unknownLink();
    return found;
  }
  const link = await getLink(linkHash);
  if (!link) throw unknownLink();
  const [commitment, codeState] = await Promise.all([getCommitment(link.commitmentId), getCodeState(link.commitmentId)]);
  return { link, commitment, codeState };
}
