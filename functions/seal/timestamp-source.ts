import { ENV } from '../catalog';
import { optionalEnv } from '../shared/config';
import type { TimestampSource } from './cades';
import { rfc3161Timestamps } from './timestamp';

/**
 * The timestamp authority named by TIMESTAMP_AUTHORITY_URL, if any: seals are then PAdES B-T. The same
 * source for as long as the address stays, since a seal sizes its placeholder by the tokens its source
 * returned before (pdf/seal.ts); a new source would ask the authority for one token more per seal.
 */
export function configuredTimestamps(): TimestampSource | undefined {
  const url = optionalEnv(ENV.timestampAuthorityUrl);
  if (!url) return undefined;
  if (configured?.url !== url) configured = { url, source: rfc3161Timestamps(url) };
  return configured.source;
}

let configured: { readonly url: string; readonly source: TimestampSource } | undefined;
