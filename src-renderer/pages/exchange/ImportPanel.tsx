import { useId, useState, type ChangeEvent } from 'react';
import { Card } from '../../components/Card';
import { ImportPreview } from '../../components/ImportPreview';
import { Notice } from '../../components/Notice';
import { TextArea } from '../../components/Fields';
import { plural } from '../../lib/format';
import { useParticipants, type ImportPreview as Preview } from '../../stores/participants';

const EXAMPLE = 'name,email,gift ideas\nAnn Example,ann@example.com,Books\n';

/** CSV import: pick or paste a file, check it (bad rows named by line), fix, then add everyone. */
export function ImportPanel(props: { onDone(message: string): void; onClose(): void }) {
  const fileId = useId();
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setCsv(await file.text());
    setPreview(null);
  };

  const check = async () => {
    setBusy(true);
    const result = await useParticipants.getState().importCsv(csv, true);
    setBusy(false);
    setError(result.ok ? null : (result.errors.general ?? result.error.message));
    setPreview(result.ok ? result.value : null);
  };

  const add = async () => {
    setBusy(true);
    const result = await useParticipants.getState().importCsv(csv, false);
    setBusy(false);
    if (!result.ok) return setError(result.errors.general ?? result.error.message);
    props.onDone(`Added ${plural(result.value.added, 'person', 'people')} from the file.`);
  };

  const good = preview !== null && preview.rows.length > 0 && preview.rows.every((r) => r.error === null);
  return (
    <Card
      title="Import from a CSV file"
      intro="One person per line with a header row: name, email and, if you like, gift ideas. Spreadsheets can save as CSV."
      actions={
        <button type="button" className="btn btn--small" onClick={props.onClose}>
          Close
        </button>
      }
    >
      <div className="stack">
        <div className="field">
          <label className="field__label" htmlFor={fileId}>
            CSV file
          </label>
          <input id={fileId} className="file-input" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void pick(e)} />
        </div>
        <TextArea
          label="Or paste the rows here (you can fix mistakes in place)"
          className="csv-input"
          rows={6}
          value={csv}
          placeholder={EXAMPLE}
          onChange={(text) => {
            setCsv(text);
            setPreview(null);
          }}
        />
        {error && <Notice tone="error">{error}</Notice>}
        {preview && <ImportPreview preview={preview} />}
        <div className="row row--end">
          <button type="button" className="btn" disabled={busy || csv.trim() === ''} onClick={() => void check()}>
            Check the rows
          </button>
          <button type="button" className="btn btn--primary" disabled={busy || !good} onClick={() => void add()}>
            {good ? `Add ${plural(preview.rows.length, 'person', 'people')}` : 'Add people'}
          </button>
        </div>
      </div>
    </Card>
  );
}
