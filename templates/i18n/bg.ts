import { en } from './en';
import type { Messages } from './messages';

export const bg: Messages = { ...en, languageName: 'Български' };
