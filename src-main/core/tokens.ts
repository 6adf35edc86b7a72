import { createHash } from 'node:crypto';
import type { Random } from './random';

/** URL-safe random string of `bytes` random bytes (16 → 128 bits, 32 → 256 bits). */
export function randomToken(random: Random, bytes: number): string {
  return Buffer.from(random.bytes(bytes)).toString('base64url');
}

/** Tokens and session ids are stored only as this hash. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
