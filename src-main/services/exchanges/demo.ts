import { DateTime } from 'luxon';
import { listExchanges } from '../../db/repos/exchanges';
import type { Deps } from '../common/deps';
import { createExchange } from './exchanges';
import { addParticipant } from '../people/participants';
import { createHousehold } from './rules';
import { getSettings } from '../organizer/settings';

const PEOPLE = [
  { name: 'Ann Miller', email: 'ann@example.com', giftIdeas: 'Crime novels, dark chocolate' },
  { name: 'Bob Miller', email: 'bob@example.com', giftIdeas: 'Anything for the garden' },
  { name: 'Cy Jones', email: 'cy@example.com', giftIdeas: 'Board games\nhttps://example.com/wishlist' },
  { name: 'Dee Jones', email: 'dee@example.com', giftIdeas: 'Warm socks' },
  { name: 'Eve Smith', email: 'eve@example.com', giftIdeas: 'Tea, a good notebook' },
  { name: 'Finn Smith', email: 'finn@example.com', giftIdeas: 'Lego' },
];

/** `--demo`: an example exchange with six people and two households, only into an empty database. */
export function seedDemo(deps: Deps): { created: boolean; exchangeId: number | null } {
  if (listExchanges(deps.db).length > 0) return { created: false, exchangeId: null };
  const zone = getSettings(deps).timezone;
  const now = DateTime.fromMillis(deps.clock.now(), { zone });
  let christmas = DateTime.fromObject({ year: now.year, month: 12, day: 24, hour: 18 }, { zone });
  if (christmas.minus({ days: 14 }) <= now) christmas = christmas.plus({ years: 1 });
  const local = (dt: DateTime) => dt.toFormat("yyyy-MM-dd'T'HH:mm");
  return deps.db.transaction(() => {
    const exchange = createExchange(deps, {
      name: `Family Christmas ${christmas.year}`,
      description: 'Our yearly gift exchange. One gift each, wrapped, under the tree.',
      location: "Grandma's house",
      budget: { amount: '30', currency: getSettings(deps).currency },
      maxParticipants: null,
      registrationDeadline: local(christmas.minus({ days: 10 }).set({ hour: 20 })),
      exchangeAt: local(christmas),
      timezone: zone,
      reminderDays: [7, 3, 1],
      matchMode: 'single-loop',
      giftsPerPerson: 1,
      avoidPastExchanges: 0,
      previousExchangeId: null,
      santaReveal: 'after_party',
      santaRevealEmail: false,
    });
    const ids = PEOPLE.map((p) => addParticipant(deps, { exchangeId: exchange.id, ...p, remindersEnabled: true, isOrganizer: false }).id);
    createHousehold(deps, { exchangeId: exchange.id, name: 'Millers', memberIds: [ids[0]!, ids[1]!] });
    createHousehold(deps, { exchangeId: exchange.id, name: 'Joneses', memberIds: [ids[2]!, ids[3]!] });
    return { created: true, exchangeId: exchange.id };
  });
}
