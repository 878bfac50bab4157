import { en } from './en';
import type { Messages } from './messages';

export const ga: Messages = { ...en, languageName: 'Gaeilge' };
