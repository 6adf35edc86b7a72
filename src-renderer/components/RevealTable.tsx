import { useT } from '../lib/i18n';
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

/** Shown only after the organizer confirmed "Reveal the draw" (the reveal is recorded). */
export function RevealTable({ reveal }: { reveal: RevealView }) {
  const t = useT();
  const rows = byGiver(reveal.pairs);
  const several = rows.some((row) => row.receivers.length > 1);
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t.t('parts.reveal.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('parts.reveal.santa')}</th>
            <th scope="col">{several ? t.t('parts.reveal.buysPresents') : t.t('parts.reveal.buysPresent')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.giverId}>
              <td>{row.giverName}</td>
              <td>{t.list(row.receivers)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
