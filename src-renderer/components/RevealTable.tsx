import type { RevealView } from '../stores/exchange';

type Pair = RevealView['pairs'][number];

/** One row per Secret Santa with all of their giftees (several with several giftees each), in draw order. */
function byGiver(pairs: readonly Pair[]): Array<{ giverId: number; giverName: string; receivers: string[] }> {
  const rows = new Map<number, { giverId: number; giverName: string; receivers: string[] }>();
  for (const pair of pairs) {
    const row = rows.get(pair.giverId) ?? { giverId: pair.giverId, giverName: pair.giverName, receivers: [] };
    row.receivers.push(pair.receiverName);
    rows.set(pair.giverId, row);
  }
  return [...rows.values()];
}

/** "Ann", "Ann and Bob", "Ann, Bob and Cy". */
const joinNames = (names: readonly string[]): string => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`);

/** Shown only after the organizer confirmed "Reveal the draw" (the reveal is recorded). */
export function RevealTable({ reveal }: { reveal: RevealView }) {
  const rows = byGiver(reveal.pairs);
  const several = rows.some((row) => row.receivers.length > 1);
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">The draw, revealed</caption>
        <thead>
          <tr>
            <th scope="col">Secret Santa</th>
            <th scope="col">{several ? 'Buys presents for' : 'Buys a present for'}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.giverId}>
              <td>{row.giverName}</td>
              <td>{joinNames(row.receivers)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
