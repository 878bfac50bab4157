import type { LegalText } from './legal-text';
import { en } from './en';

/** Legal text in ro: each string is hashed exactly as written, so a changed character is a new statement. */
export const ro: LegalText = en;
