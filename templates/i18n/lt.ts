import { en } from './en';
import type { Messages } from './messages';

export const lt: Messages = { ...en, languageName: 'Lietuvių' };
