import { useId, useState, type ChangeEvent } from 'react';
import { Card } from '../../components/Card';
import { ImportPreview } from '../../components/ImportPreview';
import { Notice } from '../../components/Notice';
import { TextArea } from '../../components/Fields';
import { useT } from '../../lib/i18n';
import { useParticipants, type ImportPreview as Preview } from '../../stores/participants';

/** The file's column names are read as written, in every language. */
const COLUMNS = { name: 'name', email: 'email', ideas: 'gift ideas' };

/** CSV import: pick or paste a file, check it (bad rows named by line), fix, then add everyone. */
export function ImportPanel(props: { onDone(message: string): void; onClose(): void }) {
  const { t } = useT();
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
    props.onDone(t('admin.import.done', { count: result.value.added }));
  };

  const good = preview !== null && preview.rows.length > 0 && preview.rows.every((r) => r.error === null);
  return (
    <Card
      title={t('admin.import.title')}
      intro={t('admin.import.intro', COLUMNS)}
      actions={
        <button type="button" className="btn btn--small" onClick={props.onClose}>
          {t('admin.common.close')}
        </button>
      }
    >
      <div className="stack">
        <div className="field">
          <label className="field__label" htmlFor={fileId}>
            {t('admin.import.file')}
          </label>
          <input id={fileId} className="file-input" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void pick(e)} />
        </div>
        <TextArea
          label={t('admin.import.paste')}
          className="csv-input"
          rows={6}
          value={csv}
          placeholder={t('admin.import.example', { header: `${COLUMNS.name},${COLUMNS.email},${COLUMNS.ideas}` })}
          onChange={(text) => {
            setCsv(text);
            setPreview(null);
          }}
        />
        {error && <Notice tone="error">{error}</Notice>}
        {preview && <ImportPreview preview={preview} />}
        <div className="row row--end">
          <button type="button" className="btn" disabled={busy || csv.trim() === ''} onClick={() => void check()}>
            {t('admin.import.check')}
          </button>
          <button type="button" className="btn btn--primary" disabled={busy || !good} onClick={() => void add()}>
            {good ? t('admin.import.addCount', { count: preview.rows.length }) : t('admin.import.addPeople')}
          </button>
        </div>
      </div>
    </Card>
  );
}
