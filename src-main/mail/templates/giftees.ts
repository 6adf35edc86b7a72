import { joinNames } from '../../core/matching';
import { oneLine } from './format';
import type { Block } from './layout';

/** One of several giftees, with the gift ideas as they are at sending. */
export interface Giftee {
  name: string;
  giftIdeas: string;
  /** Their postal address, only when they allowed it in their Santa's match email. */
  address?: string | null;
}

/** "Your giftees: Ann and Bob", then each one's gift ideas (with several giftees each). */
export function severalGifteesBlocks(giftees: ReadonlyArray<Giftee>, label: string, empty: string, ideasLabel = 'gift ideas'): Block[] {
  const names = giftees.map((g) => oneLine(g.name));
  return [
    { kind: 'highlight', label, value: joinNames(names) },
    ...giftees.flatMap((g, i): Block[] => [
      { kind: 'multiline', label: `${names[i]!}'s ${ideasLabel}`, value: g.giftIdeas, empty },
      ...(g.address ? [{ kind: 'multiline' as const, label: `${names[i]!}'s address for the gift`, value: g.address, empty: '' }] : []),
    ]),
  ];
}
