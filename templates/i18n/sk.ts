import { en } from './en';
import type { Messages } from './messages';

export const sk: Messages = { ...en, languageName: 'Slovenčina' };
