/**
 * The schema library every input is checked with: zod's functional API (`zod/mini`), of which a
 * bundle keeps only the parts it uses (the chained `zod` API would add ~450 KB to every Lambda).
 * Schema modules `import * as z` from here (a namespace import keeps that tree-shaking) so that
 * the English messages people see in 400 answers ("Too big: expected string to have <=200
 * characters") are set wherever a schema is.
 */
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config(en());

export * from 'zod/mini';
