import { en } from './en';
import type { Messages } from './messages';

export const pl: Messages = { ...en, languageName: 'Polski' };
