import { en } from './en';
import type { Messages } from './messages';

export const fi: Messages = { ...en, languageName: 'Suomi' };
