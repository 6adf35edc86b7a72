import { joinNames } from '../../core/matching';
import { oneLine } from './format';
import type { Block } from './layout';

/** One of several giftees, with the gift ideas as they are at sending. */
export interface Giftee {
  name: string;
  giftIdeas: string;
}

/** "Your giftees: Ann and Bob", then each one's gift ideas (with several giftees each). */
export function severalGifteesBlocks(giftees: ReadonlyArray<Giftee>, label: string, empty: string, ideasLabel = 'gift ideas'): Block[] {
  const names = giftees.map((g) => oneLine(g.name));
  return [
    { kind: 'highlight', label, value: joinNames(names) },
    ...giftees.map((g, i): Block => ({ kind: 'multiline', label: `${names[i]!}'s ${ideasLabel}`, value: g.giftIdeas, empty })),
  ];
}
