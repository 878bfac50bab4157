import { en } from './en';
import type { Messages } from './messages';

export const es: Messages = { ...en, languageName: 'Español' };
