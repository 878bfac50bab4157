import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, for tools that read or write files of the project. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
