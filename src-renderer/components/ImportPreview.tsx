import { isLocale, LOCALE_NAMES } from '@i18n';
import { useT } from '../lib/i18n';
import type { ImportPreview as Preview } from '../stores/participants';
import './participants.css';

type Row = Preview['rows'][number];

/** A row's language as the import service reads it (`locale`, or the file's `language` as written). */
function rowLanguage(row: Row): string | null {
  const { locale, language } = row as Row & { locale?: string | null; language?: string | null };
  const value = locale ?? language ?? null;
  if (value === null || value === '') return null;
  return isLocale(value) ? LOCALE_NAMES[value] : value;
}

/** The rows a CSV file would add, with the bad ones named by line; a language column when the file has one. */
export function ImportPreview({ preview }: { preview: Preview }) {
  const t = useT();
  const bad = preview.rows.filter((r) => r.error !== null);
  const withLanguage = preview.rows.some((r) => rowLanguage(r) !== null);
  return (
    <div className="stack">
      <p role="status">
        {bad.length === 0
          ? t.t('parts.import.allFine', { count: preview.rows.length })
          : t.t('parts.import.needFixing', { count: bad.length, lines: t.list(bad.map((r) => String(r.line))) })}
      </p>
      <div className="table-wrap">
        <table className="table import-rows">
          <caption className="visually-hidden">{t.t('parts.import.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t('parts.import.line')}</th>
              <th scope="col">{t.t('parts.import.name')}</th>
              <th scope="col">{t.t('parts.import.email')}</th>
              <th scope="col">{t.t('parts.import.giftIdeas')}</th>
              {withLanguage && <th scope="col">{t.t('parts.import.language')}</th>}
              <th scope="col">{t.t('parts.import.check')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.line} className={row.error ? 'is-flagged' : undefined}>
                <td>{row.line}</td>
                <td>{row.name}</td>
                <td>{row.email}</td>
                <td>{row.giftIdeas}</td>
                {withLanguage && <td>{rowLanguage(row) ?? <span className="muted">{t.t('parts.import.languageSame')}</span>}</td>}
                <td className={row.error ? 'is-bad' : undefined}>{row.error ?? row.note ?? t.t('parts.import.ok')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
