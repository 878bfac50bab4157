import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of functions/, read from the source: handlers parse a request and call one operation;
 * operations hold the rules and reach the store, workflow, mail, PDF and seal modules; the domain
 * imports nothing of ours above it; only handlers (pages), the mail module (emails) and the PDF module (the
 * sealed documents' wording, from templates/i18n) use templates.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const FUNCTIONS = path.join(ROOT, 'functions');
const TEMPLATES = path.join(ROOT, 'templates');

interface Import {
  /** As written: './load', '../store/commitments', 'zod/mini'. */
  readonly specifier: string;
  /** The file or folder it names, for our own modules (relative specifiers). */
  readonly resolved?: string;
  /** `import type`, or every name imported marked `type`: gone once compiled. */
  readonly typeOnly: boolean;
  /** The values it binds (`import { a, b as c }` binds a and c); empty for type-only and side-effect imports. */
  readonly values: readonly string[];
}

/**
 * The imports of a TypeScript module. Import and re-export statements start at the beginning of a
 * line in our sources (the formatter puts them there), so a statement is found from `import` or
 * `export` at a line's start to its module specifier; dynamic `import('...')` is found anywhere.
 */
function readImports(file: string, source: string): Import[] {
  const found: Import[] = [];
  const add = (specifier: string, clause: string, typeOnly: boolean) => {
    const resolved = specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : undefined;
    found.push({ specifier, resolved, typeOnly, values: typeOnly ? [] : boundValues(clause) });
  };
  for (const match of source.matchAll(/^(import|export)(\s+type)?\s+([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    const [, keyword, typeKeyword, clause = '', specifier = ''] = match;
    const names = /\{([^}]*)\}/.exec(clause)?.[1]?.split(',').map((name) => name.trim()).filter(Boolean) ?? [];
    const allTyped = names.length > 0 && !/^[\w$]+\s*,/.test(clause) && names.every((name) => name.startsWith('type '));
    add(specifier, keyword === 'export' ? '' : clause, Boolean(typeKeyword) || allTyped);
  }
  for (const match of source.matchAll(/^import\s*['"]([^'"]+)['"]/gm)) add(match[1]!, '', false);
  for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) add(match[1]!, '* as dynamic', false);
  return found;
}

/** The value names an import clause binds: `x`, `{ a, b as c, type T }`, `* as ns`. */
function boundValues(clause: string): string[] {
  const names: string[] = [];
  const braces = /\{([^}]*)\}/.exec(clause)?.[1];
  for (const entry of braces?.split(',') ?? []) {
    const name = entry.trim();
    if (name && !name.startsWith('type ')) names.push(name.split(/\s+as\s+/).pop()!.trim());
  }
  const outside = clause.replace(/\{[^}]*\}/, '').split(',').map((part) => part.trim()).filter(Boolean);
  for (const part of outside) names.push(part.replace(/^\*\s+as\s+/, ''));
  return names;
}

interface Module {
  /** Relative to the repository root, with forward slashes. */
  readonly file: string;
  /** The top-level folder under functions/ ('handlers', 'domain', ...), or the file's name for files at its root ('catalog'). */
  readonly layer: string;
  readonly source: string;
  readonly imports: readonly Import[];
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => path.join(directory, name));
}

function layerOf(absolute: string): string | undefined {
  const relative = path.relative(FUNCTIONS, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const [first = ''] = relative.split(path.sep);
  return first.replace(/\.ts$/, '');
}

function readModules(files: readonly string[], read: (file: string) => string): Module[] {
  return files.map((absolute) => {
    const source = read(absolute);
    return { file: path.relative(ROOT, absolute).split(path.sep).join('/'), layer: layerOf(absolute) ?? 'outside', source, imports: readImports(absolute, source) };
  });
}

const within = (directory: string, resolved: string | undefined) => resolved !== undefined && (resolved === directory || resolved.startsWith(`${directory}${path.sep}`));
const isPackage = (specifier: string) => !specifier.startsWith('.') && !specifier.startsWith('/');
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier);

/** Handlers that serve fixed content (the console's shell, the OpenAPI document) and call no operation. */
const FIXED_CONTENT_HANDLERS = new Set(['functions/handlers/api/console-page.ts', 'functions/handlers/api/openapi-document.ts']);
/** What a handler may import of ours: its operation, the request contract, shared HTTP helpers, domain rules and data, pages, and its own folder's helpers. */
const HANDLER_MAY_IMPORT = new Set(['operations', 'api', 'shared', 'domain', 'catalog']);

/** Every broken rule, as a sentence naming the file and the import. */
function layerViolations(modules: readonly Module[]): string[] {
  const problems: string[] = [];
  const ours = (module: Module) => module.imports.filter((entry) => entry.resolved !== undefined);
  const operationValues = (module: Module) => ours(module).filter((entry) => layerOf(entry.resolved!) === 'operations' && entry.values.length > 0);

  for (const module of modules.filter((candidate) => candidate.layer === 'handlers')) {
    for (const entry of ours(module)) {
      const layer = layerOf(entry.resolved!);
      const allowed = (layer !== undefined && HANDLER_MAY_IMPORT.has(layer))
        || within(TEMPLATES, entry.resolved)
        || path.dirname(entry.resolved!) === path.dirname(path.join(ROOT, module.file));
      if (!allowed) problems.push(`${module.file} imports '${entry.specifier}': a handler reaches ${layer ?? 'that'} only through an operation`);
    }
    const isEntry = /^export const handler\b/m.test(module.source);
    const calls = operationValues(module).flatMap((entry) => entry.values.map((name) => `${name} from '${entry.specifier}'`));
    if (!isEntry) {
      if (calls.length > 0) problems.push(`${module.file} is a helper of handlers and imports ${calls.join(', ')}: only a handler calls its operation`);
    } else if (FIXED_CONTENT_HANDLERS.has(module.file)) {
      if (calls.length > 0) problems.push(`${module.file} serves fixed content yet imports ${calls.join(', ')}`);
    } else if (calls.length !== 1) {
      problems.push(`${module.file} calls ${calls.length} operations (${calls.join(', ') || 'none'}): a handler calls exactly one`);
    }
  }

  for (const module of modules.filter((candidate) => candidate.layer === 'domain')) {
    for (const entry of module.imports) {
      const inDomain = within(path.join(FUNCTIONS, 'domain'), entry.resolved);
      if (entry.resolved !== undefined ? !inDomain : !(isPackage(entry.specifier) || isBuiltin(entry.specifier))) {
        problems.push(`${module.file} imports '${entry.specifier}': the domain imports only the domain and npm packages`);
      }
    }
  }

  for (const module of modules.filter((candidate) => candidate.layer !== 'outside')) {
    for (const entry of ours(module)) {
      // The PDF module words the sealed documents in the declaration's language: their labels live in the catalogs.
      const pdfWording = module.layer === 'pdf' && within(path.join(TEMPLATES, 'i18n'), entry.resolved);
      if (within(TEMPLATES, entry.resolved) && module.layer !== 'handlers' && module.layer !== 'mail' && !pdfWording) {
        problems.push(`${module.file} imports '${entry.specifier}': only handlers (pages) and the mail module (emails) use templates`);
      } else if (entry.resolved && !within(FUNCTIONS, entry.resolved) && !within(TEMPLATES, entry.resolved)) {
        problems.push(`${module.file} imports '${entry.specifier}', outside functions/ and templates/`);
      }
    }
  }

  // Folders of functions/ and what each imports; a cycle between folders is reported once, as its path.
  const edges = new Map<string, Map<string, string>>();
  for (const module of modules.filter((candidate) => candidate.layer !== 'outside')) {
    for (const entry of ours(module)) {
      const target = layerOf(entry.resolved!);
      if (!target || target === module.layer) continue;
      const from = edges.get(module.layer) ?? new Map<string, string>();
      if (!from.has(target)) from.set(target, `${module.file} -> '${entry.specifier}'`);
      edges.set(module.layer, from);
    }
  }
  const cycles = new Set<string>();
  const visit = (layer: string, trail: string[]) => {
    for (const [next, example] of edges.get(layer) ?? []) {
      const start = trail.indexOf(next);
      if (start >= 0) {
        const cycle = [...trail.slice(start), next];
        const key = [...cycle.slice(0, -1)].sort().join(',');
        if (!cycles.has(key)) {
          cycles.add(key);
          problems.push(`folders import each other: ${cycle.join(' -> ')} (e.g. ${example})`);
        }
      } else visit(next, [...trail, next]);
    }
  };
  for (const layer of edges.keys()) visit(layer, [layer]);

  return problems;
}

const modules = readModules(sourceFiles(FUNCTIONS), (file) => readFileSync(file, 'utf8'));

describe('the layers of functions/', () => {
  it('are read from every module, with what each imports', () => {
    const submit = modules.find((module) => module.file === 'functions/operations/submit-signature.ts')!;
    expect(submit.imports.map((entry) => entry.specifier)).toEqual(expect.arrayContaining(['../domain/consent', '../store/commitments', './admit-session-post']));
    expect(submit.imports.find((entry) => entry.specifier === './admit-signing-post')).toMatchObject({ typeOnly: true, values: [] });
    expect(submit.imports.find((entry) => entry.specifier === '../store/commitments')?.values).toEqual(['getCommitment', 'transition']);
    expect(modules.filter((module) => module.layer === 'handlers').length).toBeGreaterThan(30);
  });

  it('hold: handlers call one operation, the domain imports nothing above it, only pages and emails use templates, and no folders import each other', () => {
    expect(layerViolations(modules)).toEqual([]);
  });

  it('are enforced: each kind of breach is reported', () => {
    const replaced = (file: string, edit: (source: string) => string) => readModules(sourceFiles(FUNCTIONS), (absolute) => {
      const source = readFileSync(absolute, 'utf8');
      return path.relative(ROOT, absolute).split(path.sep).join('/') === file ? edit(source) : source;
    });
    const breaches: [string, (source: string) => string, RegExp][] = [
      ['functions/handlers/api/list-declarations.ts', (source) => `import { listDeclarations as fromTable } from '../../store/declarations';\n${source}`, /list-declarations\.ts imports '\.\.\/\.\.\/store\/declarations'/],
      ['functions/handlers/api/get-commitment.ts', (source) => `import { loadCommitment } from '../../operations/load';\n${source}`, /get-commitment\.ts calls 2 operations/],
      ['functions/handlers/api/signing-responses.ts', (source) => `import { hasLiveCode } from '../../operations/one-time-code';\n${source}`, /signing-responses\.ts is a helper of handlers/],
      ['functions/domain/signing-form.ts', (source) => `import { DomainError as Refusal } from '../shared/errors';\n${source}`, /signing-form\.ts imports '\.\.\/shared\/errors'/],
      ['functions/domain/consent.ts', (source) => `import type { Messages } from '../../templates/i18n';\n${source}`, /consent\.ts imports '\.\.\/\.\.\/templates\/i18n'/],
      ['functions/operations/submit-signature.ts', (source) => `import { messagesFor } from '../../templates/i18n';\n${source}`, /submit-signature\.ts imports '\.\.\/\.\.\/templates\/i18n': only handlers/],
      ['functions/pdf/seal.ts', (source) => `import { consolePage } from '../../templates/console/page';\n${source}`, /seal\.ts imports '\.\.\/\.\.\/templates\/console\/page': only handlers/],
      ['functions/store/links.ts', (source) => `import type { OpenLink } from '../operations/signing-link';\n${source}`, /folders import each other: .*operations.*store|folders import each other: .*store.*operations/],
    ];
    for (const [file, edit, expected] of breaches) {
      expect(layerViolations(replaced(file, edit)).join('\n'), file).toMatch(expected);
    }
  });
});
