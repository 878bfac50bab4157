import { en } from './en';
import type { Messages } from './messages';

export const da: Messages = { ...en, languageName: 'Dansk' };
