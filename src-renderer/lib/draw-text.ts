import type { MessageKey, Translator } from '@i18n';
import type { ExchangeView } from '../stores/exchanges';
import { currentT } from './i18n';

type DrawMethod = NonNullable<ExchangeView['drawMethod']>;

/** How a draw was sampled, as a quiet fact for the organizer (docs/matching.md has the detail). */
const METHOD_KEYS: Record<DrawMethod, MessageKey> = {
  'exact-count': 'parts.draw.methodExactCount',
  'exact-rejection': 'parts.draw.methodExactRejection',
  // The chain's moves reach every valid draw and it settles on the uniform distribution; it is not an exact sample.
  'markov-chain': 'parts.draw.methodMarkovChain',
  unmixed: 'parts.draw.methodUnmixed',
};

export function drawMethodText(method: DrawMethod, t: Translator = currentT()): string {
  return t.t(METHOD_KEYS[method]);
}

/**
 * Which earlier exchanges a draw avoids, by name: "earlier" is by date, so an exchange earlier in
 * the same year counts, and purged exchanges still count through the hashed history.
 */
export function avoidedExchangesText(count: number, labels: readonly string[], t: Translator = currentT()): string {
  if (count === 0) return t.t('parts.draw.avoidNone');
  if (labels.length === 0) return t.t('parts.draw.avoidNoneHere', { count });
  const avoided = t.t('parts.draw.avoidNamed', { count, exchanges: t.list(labels) });
  if (labels.length >= count) return avoided;
  return `${avoided} ${t.t('parts.draw.avoidOnlySome', { count: labels.length })}`;
}
