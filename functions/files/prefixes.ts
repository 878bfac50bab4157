/**
 * Where each kind of file lives in the files bucket; its lifecycle rules expire `exports/` and `previews/` (infra/stateful-stack.ts).
 * `joint-declarations/` and `certificates/` hold sealed documents that must last: nothing expires them.
 */
export const FILE_PREFIXES = { exports: 'exports/', previews: 'previews/', jointDeclarations: 'joint-declarations/', certificates: 'certificates/' } as const;
