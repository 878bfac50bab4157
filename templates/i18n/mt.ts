import { en } from './en';
import type { Messages } from './messages';

export const mt: Messages = { ...en, languageName: 'Malti' };
