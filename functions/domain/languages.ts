/** Primary language subtags from an Accept-Language header, most preferred first ("fr-BE,fr;q=0.9,en;q=0.5" -> fr, en). */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => /^[a-z]{2}$/.test(entry.language) && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.language);
  return [...new Set(ranked)];
}

/** The first candidate that is available, else the fallback. */
export function pickLanguage(candidates: readonly (string | undefined)[], available: readonly string[], fallback: string): string {
  return candidates.find((candidate): candidate is string => candidate !== undefined && available.includes(candidate)) ?? fallback;
}
