import type { en } from './en';

/** Every message id, taken from the English catalogue. */
export type MessageKey = keyof typeof en;

/** A translation: every key, no other (an extra or a missing key fails `npm run typecheck`). */
export type Catalogue = { readonly [K in MessageKey]: string };
