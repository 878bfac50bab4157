import { en } from './en';
import type { Messages } from './messages';

export const sl: Messages = { ...en, languageName: 'Slovenščina' };
