import type { ExchangeView } from '../stores/exchanges';
import { plural } from './format';

type DrawMethod = NonNullable<ExchangeView['drawMethod']>;

/** How a draw was sampled, as a quiet fact for the organizer (docs/matching.md has the detail). */
const METHOD_TEXT: Record<DrawMethod, string> = {
  'exact-count': 'Drawn uniformly at random (exact count).',
  'exact-rejection': 'Drawn uniformly at random (exact rejection sampling).',
  // The chain's moves reach every valid draw and it settles on the uniform distribution; it is not an exact sample.
  'markov-chain': 'Drawn at random by a mixing chain that can reach every valid draw (close to uniform).',
  unmixed: 'Drawn without random mixing (a test setting).',
};

export function drawMethodText(method: DrawMethod): string {
  return METHOD_TEXT[method];
}

/**
 * Which earlier exchanges a draw avoids, by name: "earlier" is by date, so an exchange earlier in
 * the same year counts, and purged exchanges still count through the hashed history.
 */
export function avoidedExchangesText(count: number, labels: readonly string[]): string {
  if (count === 0) return 'Pairs from earlier exchanges may be drawn again.';
  const last = count === 1 ? 'the last exchange' : `the last ${count} exchanges`;
  if (labels.length === 0) return `Avoids the pairs of ${last} with these people; none is on this computer yet.`;
  const found =
    labels.length < count
      ? ` Only ${plural(labels.length, 'earlier exchange', 'earlier exchanges')} with these people ${labels.length === 1 ? 'is' : 'are'} on this computer.`
      : '';
  return `Avoids the pairs of ${last} with these people (${labels.join(', ')}).${found}`;
}
