import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Time-ordered, unguessable id (48-bit millisecond time + 80 random bits, Crockford base32),
 * short enough to be a Step Functions execution name.
 */
export function newId(prefix: string, now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const random = randomBytes(10);
  let tail = '';
  let bits = 0;
  let value = 0;
  for (const byte of random) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      tail += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `${prefix}_${time}${tail}`;
}

/**
 * `count` ids of one instant, in ascending order: for records written together (events of one
 * transaction) whose order must show, which ids drawn in the same millisecond would not keep.
 */
export function orderedIds(prefix: string, count: number, now = Date.now()): string[] {
  return Array.from({ length: count }, () => newId(prefix, now)).sort();
}

export const ID_PATTERN = /^[a-z]{1,4}_[0-9a-hjkmnp-tv-z]{26}$/;
