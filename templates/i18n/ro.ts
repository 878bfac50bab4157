import { en } from './en';
import type { Messages } from './messages';

export const ro: Messages = { ...en, languageName: 'Română' };
