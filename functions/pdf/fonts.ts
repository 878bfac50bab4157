import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * Noto Sans covers Latin (including Latin-extended), Greek and Cyrillic: every official EU script.
 *
 * The TTF files are resolved at run time rather than imported through a bundler loader, because tsx and
 * vitest cannot import a .ttf. The Lambda bundle therefore has to carry the files itself: the function
 * definition copies each entry of FONT_FILES to `<bundle>/node_modules/<entry>`, where the same
 * resolution finds them next to `index.mjs`. The package declares no "exports" map, so Node resolves these
 * deep paths directly, with or without its package.json being present.
 */
const FONT_SPECIFIERS = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

/** Package-relative paths of the font files the Lambda bundle must contain under `node_modules/`. */
export const FONT_FILES: readonly string[] = Object.values(FONT_SPECIFIERS);

export interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
}

// Not named `require`: esbuild treats `require.resolve('literal')` specially when bundling.
const resolveFromHere = createRequire(import.meta.url).resolve;

let cachedFonts: Promise<FontBytes> | undefined;

/** Loads the certificate fonts once per process; a failed load is retried on the next call. */
export function loadFonts(): Promise<FontBytes> {
  cachedFonts ??= readFonts().catch((error: unknown) => {
    cachedFonts = undefined;
    throw error;
  });
  return cachedFonts;
}

async function readFonts(): Promise<FontBytes> {
  const [regular, bold] = await Promise.all([
    readFontFile(FONT_SPECIFIERS.regular),
    readFontFile(FONT_SPECIFIERS.bold),
  ]);
  return { regular, bold };
}

async function readFontFile(specifier: string): Promise<Uint8Array> {
  let path: string;
  try {
    path = resolveFromHere(specifier);
  } catch (error) {
    throw new Error(`Font file ${specifier} not found: the bundle must contain node_modules/${specifier}`, {
      cause: error,
    });
  }
  return new Uint8Array(await readFile(path));
}
