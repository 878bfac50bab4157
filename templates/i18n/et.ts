import { en } from './en';
import type { Messages } from './messages';

export const et: Messages = { ...en, languageName: 'Eesti' };
