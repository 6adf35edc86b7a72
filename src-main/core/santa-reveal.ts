import type { Exchange } from './types';

type RevealFacts = Pick<Exchange, 'state' | 'santaReveal' | 'santasRevealedAt' | 'exchangeAt'>;

/**
 * The instant participants' pages start to name their Santa: the organizer's press of "Reveal to
 * everyone" (manual), the exchange's own date and time (after the party), or never (null). It may
 * lie in the future.
 */
export function santaRevealAt(e: Omit<RevealFacts, 'state'>): number | null {
  switch (e.santaReveal) {
    case 'never':
      return null;
    case 'after_party':
      return e.exchangeAt;
    case 'manual':
      return e.santasRevealedAt;
    default:
      return assertNever(e.santaReveal);
  }
}

/** Whether a participant's page names their Santa now: only for a draw that stands. */
export function santaRevealed(e: RevealFacts, now: number): boolean {
  if (e.state !== 'matched' && e.state !== 'completed') return false;
  const at = santaRevealAt(e);
  return at !== null && now >= at;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled reveal mode: ${String(value)}`);
}
