import type { LegalText } from './legal-text';
import { en } from './en';

/** Legal text in hr: each string is hashed exactly as written, so a changed character is a new statement. */
export const hr: LegalText = en;
