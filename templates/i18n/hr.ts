import { en } from './en';
import type { Messages } from './messages';

export const hr: Messages = { ...en, languageName: 'Hrvatski' };
