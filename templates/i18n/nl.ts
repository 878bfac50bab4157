import { en } from './en';
import type { Messages } from './messages';

export const nl: Messages = { ...en, languageName: 'Nederlands' };
