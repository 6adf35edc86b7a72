import { plural } from '../lib/format';
import type { ImportPreview as Preview } from '../stores/participants';
import './participants.css';

/** The rows a CSV file would add, with the bad ones named by line. */
export function ImportPreview({ preview }: { preview: Preview }) {
  const bad = preview.rows.filter((r) => r.error !== null);
  return (
    <div className="stack">
      <p role="status">
        {bad.length === 0
          ? `All ${plural(preview.rows.length, 'row is', 'rows are')} fine.`
          : `${plural(bad.length, 'row needs', 'rows need')} fixing before anyone is added: ${bad.map((r) => `line ${r.line}`).join(', ')}.`}
      </p>
      <div className="table-wrap">
        <table className="table import-rows">
          <caption className="visually-hidden">Rows of the CSV file</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Gift ideas</th>
              <th scope="col">Check</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.line} className={row.error ? 'is-flagged' : undefined}>
                <td>{row.line}</td>
                <td>{row.name}</td>
                <td>{row.email}</td>
                <td>{row.giftIdeas}</td>
                <td className={row.error ? 'is-bad' : undefined}>{row.error ?? row.note ?? 'OK'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
