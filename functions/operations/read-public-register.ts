import { textFor } from '../domain/declaration';
import { DomainError } from '../domain/errors';
import type { RegisterEntry } from '../domain/register';
import { getDeclaration, listDeclarations } from '../store/declarations';
import { getJointDeclarationRecord } from '../store/joint-declarations';
import { listRegisterEntries } from '../store/register';

export interface PublicDeclaration {
  readonly id: string;
  readonly title: string;
  /** The language the title is in (the requested one when the declaration has it); absent in the list, which shows each in its default language. */
  readonly titleLanguage?: string;
  readonly status: 'OPEN' | 'CLOSED';
}

export type PublicRegister =
  | { readonly kind: 'index'; readonly declarations: readonly PublicDeclaration[] }
  | {
    readonly kind: 'declaration';
    readonly declaration: PublicDeclaration;
    readonly entries: readonly RegisterEntry[];
    /** When the sealed joint declaration exists: anyone may check it on the verification page. */
    readonly jointDeclaration?: { readonly sealedAt: string; readonly signatoryCount: number };
  };

/**
 * What the public register shows: the declarations that were opened for signing, or one
 * declaration's published signatories. A draft is not public: it answers as if it did not exist.
 */
export async function readPublicRegister(request: { readonly declarationId?: string; readonly language: string }): Promise<PublicRegister> {
  if (request.declarationId === undefined) {
    const declarations = (await listDeclarations()).filter((summary) => summary.status !== 'DRAFT');
    return { kind: 'index', declarations: declarations.map((summary) => ({ id: summary.id, title: summary.title, status: summary.status as 'OPEN' | 'CLOSED' })) };
  }
  const declaration = await getDeclaration(request.declarationId);
  if (!declaration || declaration.status === 'DRAFT') throw new DomainError('NOT_FOUND', 'There is no public register at this address.');
  const [entries, joint] = await Promise.all([listRegisterEntries(declaration.id), getJointDeclarationRecord(declaration.id)]);
  const { language, text } = textFor(declaration, request.language);
  return {
    kind: 'declaration',
    declaration: { id: declaration.id, title: text.title, titleLanguage: language, status: declaration.status },
    entries,
    ...(joint ? { jointDeclaration: { sealedAt: joint.sealedAt, signatoryCount: joint.signatoryCount } } : {}),
  };
}
