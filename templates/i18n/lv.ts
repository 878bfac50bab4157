import { en } from './en';
import type { Messages } from './messages';

export const lv: Messages = { ...en, languageName: 'Latviešu' };
