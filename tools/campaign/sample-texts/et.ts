import { en } from './en';
import type { SampleText } from './sample-text';

export const et: SampleText = en;
