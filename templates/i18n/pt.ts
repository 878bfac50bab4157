import { en } from './en';
import type { Messages } from './messages';

export const pt: Messages = { ...en, languageName: 'Português' };
