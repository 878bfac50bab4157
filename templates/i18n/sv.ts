import { en } from './en';
import type { Messages } from './messages';

export const sv: Messages = { ...en, languageName: 'Svenska' };
