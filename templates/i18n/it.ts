import { en } from './en';
import type { Messages } from './messages';

export const it: Messages = { ...en, languageName: 'Italiano' };
