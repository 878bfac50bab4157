import type { LegalText } from './legal-text';
import { en } from './en';

/** Legal text in da: each string is hashed exactly as written, so a changed character is a new statement. */
export const da: LegalText = en;
