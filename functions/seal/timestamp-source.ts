import { ENV } from '../catalog';
import { optionalEnv } from '../shared/config';
import type { TimestampSource } from './cades';
import { rfc3161Timestamps } from './timestamp';

/** The timestamp authority named by TIMESTAMP_AUTHORITY_URL, if any: seals are then PAdES B-T. */
export function configuredTimestamps(): TimestampSource | undefined {
  const url = optionalEnv(ENV.timestampAuthorityUrl);
  return url ? rfc3161Timestamps(url) : undefined;
}
