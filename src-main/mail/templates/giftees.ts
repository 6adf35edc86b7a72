import type { Translator } from '../../i18n';
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
export function severalGifteesBlocks(t: Translator, giftees: ReadonlyArray<Giftee>, label: string, empty: string, ideas: 'current' | 'latest' = 'current'): Block[] {
  const names = giftees.map((g) => oneLine(g.name));
  return [
    { kind: 'highlight', label, value: t.list(names) },
    ...giftees.flatMap((g, i): Block[] => [
      { kind: 'multiline', label: t.t(ideas === 'latest' ? 'mail.giftee.latestIdeas' : 'mail.giftee.ideas', { name: names[i]! }), value: g.giftIdeas, empty },
      ...(g.address ? [{ kind: 'multiline' as const, label: t.t('mail.giftee.address', { name: names[i]! }), value: g.address, empty: '' }] : []),
    ]),
  ];
}
