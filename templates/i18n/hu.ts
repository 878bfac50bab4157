import { en } from './en';
import type { Messages } from './messages';

export const hu: Messages = { ...en, languageName: 'Magyar' };
