import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { Random } from './random';

/** URL-safe random string of `bytes` random bytes (16 → 128 bits, 32 → 256 bits). */
export function randomToken(random: Random, bytes: number): string {
  return Buffer.from(random.bytes(bytes)).toString('base64url');
}

/** Tokens and session ids are stored only as this hash. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Keyed hash (HMAC-SHA-256) with the installation's secret: pair history without personal data. */
export function keyedHash(secret: string, value: string): string {
  return createHmac('sha256', keyObject(secret)).update(value).digest('hex');
}

/** The secret as a key object, made once: a string key is converted again by every HMAC. */
let lastKey: { secret: string; key: KeyObject } | null = null;
function keyObject(secret: string): KeyObject {
  if (lastKey?.secret !== secret) lastKey = { secret, key: createSecretKey(secret, 'utf8') };
  return lastKey.key;
}
