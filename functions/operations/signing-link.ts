import type { Commitment } from '../domain/commitment';
import type { Declaration } from '../domain/declaration';
import { hashLinkSecret, LINK_SECRET_PATTERN } from '../domain/hashing';
import { DomainError } from '../shared/errors';
import { getCommitment } from '../store/commitments';
import { getDeclaration } from '../store/declarations';
import { getLink, type SigningLink } from '../store/links';

export interface OpenLink {
  readonly linkHash: string;
  readonly link: SigningLink;
  readonly commitment: Commitment;
  readonly declaration: Declaration;
}

/**
 * Resolves an emailed link to its commitment, refusing a link that is unknown, expired, revoked
 * or already used. Reads only: opening a link never changes anything.
 */
export async function resolveSigningLink(secret: string, now = new Date()): Promise<OpenLink> {
  if (!LINK_SECRET_PATTERN.test(secret)) throw unknownLink();
  const linkHash = hashLinkSecret(secret);
  const link = await getLink(linkHash);
  if (!link) throw unknownLink();
  const commitment = await getCommitment(link.commitmentId);
  const declaration = commitment ? await getDeclaration(commitment.declarationId) : undefined;
  if (!commitment || !declaration) throw unknownLink();
  if (commitment.state === 'REVOKED') {
    throw new DomainError('LINK_REVOKED', 'The European Commission has withdrawn this invitation.');
  }
  if (commitment.state === 'EXPIRED' || (commitment.state === 'INVITED' && link.expiresAt <= now.getTime())) {
    throw new DomainError('LINK_EXPIRED', 'This invitation has expired.');
  }
  if (commitment.state !== 'INVITED') {
    const what = commitment.state === 'DECLINED' ? 'declined' : 'signed';
    throw new DomainError('LINK_USED', `Your organisation has already ${what} this declaration; nothing more is needed from this link.`);
  }
  return { linkHash, link, commitment, declaration };
}

function unknownLink(): DomainError {
  return new DomainError('LINK_UNKNOWN', 'We do not recognise this link. Check that you copied the whole address from the email.');
}
