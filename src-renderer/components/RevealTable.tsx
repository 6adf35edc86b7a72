import type { RevealView } from '../stores/exchange';

/** Shown only after the organizer confirmed "Reveal the draw" (the reveal is recorded). */
export function RevealTable({ reveal }: { reveal: RevealView }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">The draw, revealed</caption>
        <thead>
          <tr>
            <th scope="col">Secret Santa</th>
            <th scope="col">Buys a present for</th>
          </tr>
        </thead>
        <tbody>
          {reveal.pairs.map((pair) => (
            <tr key={pair.giverId}>
              <td>{pair.giverName}</td>
              <td>{pair.receiverName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
