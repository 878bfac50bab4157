/** Where each kind of file lives in the files bucket; its lifecycle rules expire `exports/` and `previews/` (infra/stateful-stack.ts). */
export const FILE_PREFIXES = { exports: 'exports/', previews: 'previews/', jointDeclarations: 'joint-declarations/' } as const;
