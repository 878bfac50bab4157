import { en } from './en';
import type { Messages } from './messages';

export const cs: Messages = { ...en, languageName: 'Čeština' };
