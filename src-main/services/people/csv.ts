import { parse, type Info } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { personKey } from '../../contract/values';
import { neutraliseCell } from '../../core/csv-cells';
import { DomainError } from '../../core/errors';
import { getExchange } from '../../db/repos/exchanges';
import { listParticipants, participantKeys } from '../../db/repos/participants';
import type { Deps } from '../common/deps';
import { trackProgress, type ProgressReporter } from '../common/progress';
import { nextTurn } from '../common/slices';
import { checkRows, COLUMN_NAMES, deliveryCell, type Column, type CsvRecord } from './csv-rows';
import { addParticipantsInSlices } from './participants';
import { organizerTranslator } from '../organizer/settings';

/** The export's header; the import reads every one of these columns. */
const EXPORT_HEADER = ['name', 'email', 'delivery', 'gift ideas', 'reminders', 'email confirmed', 'withdrawn', 'language'];

/**
 * CSV import with a preview: every row is checked with the same schema as `participants.add` (and
 * against the file and the exchange) and bad rows are named by line. Nothing is added unless every
 * row is good; rows marked withdrawn are skipped with a note.
 *
 * Reading, checking and staging 10 000 rows run in slices that yield to the event loop; the rows
 * are then added in one short transaction (all or nothing, `addParticipantsInSlices`), which
 * checks the exchange again as it is then: someone who joined with one of the file's addresses
 * meanwhile is named with the file's line.
 */
export async function importParticipants(deps: Deps, input: ParsedInput<'participants.import'>): Promise<OperationOutput<'participants.import'>> {
  if (input.dryRun) return importRows(deps, input);
  // A real import is shown on the screens and the tray while it runs: rows checked, of how many.
  const progress = trackProgress(deps, 'import', input.exchangeId, 0);
  try {
    return await importRows(deps, input, progress);
  } finally {
    progress.finish();
  }
}

async function importRows(deps: Deps, input: ParsedInput<'participants.import'>, progress?: ProgressReporter): Promise<OperationOutput<'participants.import'>> {
  const [header, ...body] = await readRecords(input.csv);
  if (!header) throw new DomainError('invalid_input', { key: 'error.csv.empty' }, { issues: [{ path: 'csv', message: { key: 'error.csv.emptyShort' } }] });
  const columns = header.cells.map((h): Column | undefined => COLUMN_NAMES[h.trim().toLowerCase()]);
  if (!columns.includes('name') || !columns.includes('email')) {
    throw new DomainError(
      'invalid_input',
      { key: 'error.csv.header' },
      {
        issues: [{ path: 'csv', message: { key: 'error.csv.headerShort' } }],
      },
    );
  }
  if (body.length > 10_000) throw new DomainError('invalid_input', { key: 'error.csv.tooMany' }, { issues: [{ path: 'csv', message: { key: 'error.csv.tooManyShort' } }] });
  const exchange = getExchange(deps.db, input.exchangeId);
  const taken = participantKeys(deps.db, exchange.id);
  progress?.update(0, body.length);
  const checked = await checkRows(exchange.id, columns, body, taken, organizerTranslator(deps));
  const rows = checked.map((c) => c.row);
  const bad = checked.filter((c) => c.problem !== undefined);
  if (input.dryRun || rows.length === 0) return { rows, added: 0 };
  if (bad.length > 0) {
    throw new DomainError(
      'invalid_input',
      { key: 'error.csv.rowsToFix', values: { count: bad.length, lines: bad.map((c) => c.row.line).join(', ') } },
      {
        issues: bad.map((c) => ({ path: `rows.${c.row.line}`, message: c.problem! })),
      },
    );
  }
  const people = checked.flatMap((c) => (c.add ? [c.add] : []));
  try {
    if (people.length > 0) await addParticipantsInSlices(deps, exchange.id, people, progress);
  } catch (error) {
    const taken = error instanceof DomainError && error.code === 'conflict' ? (error.details as { name?: string; email?: string } | undefined) : undefined;
    const key = taken?.name === undefined || taken.email === undefined ? undefined : personKey(taken.name, taken.email);
    const line = key === undefined ? undefined : rows.find((r) => personKey(r.name, r.email) === key && r.error === null)?.line;
    if (line === undefined || !taken) throw error;
    const values = { line, name: taken.name, email: taken.email };
    throw new DomainError(
      'conflict',
      { key: 'error.csv.joinedMeanwhile', values },
      {
        issues: [{ path: `rows.${line}`, message: { key: 'error.csv.taken', values: { ...values, hasEmail: 'yes' } } }],
        details: { name: taken.name, email: taken.email },
      },
    );
  }
  return { rows, added: people.length };
}

/** Every cell is neutralised against formula injection; the import undoes exactly that. */
export function exportParticipants(deps: Deps, exchangeId: number): OperationOutput<'participants.export'> {
  const exchange = getExchange(deps.db, exchangeId);
  const people = listParticipants(deps.db, exchangeId);
  const yes = (flag: boolean) => (flag ? 'yes' : 'no');
  const names = new Map(people.map((p) => [p.id, p.name]));
  const csv = stringify([
    EXPORT_HEADER,
    ...people.map((p) =>
      [
        p.name,
        p.email,
        deliveryCell(p.delivery, p.deliveredBy === null ? null : (names.get(p.deliveredBy) ?? null)),
        p.giftIdeas,
        yes(p.remindersEnabled),
        yes(p.emailConfirmedAt !== null),
        yes(p.withdrawnAt !== null),
        p.locale ?? '',
      ].map(neutraliseCell),
    ),
  ]);
  const slug =
    exchange.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'exchange';
  return { filename: `${slug}-participants.csv`, csv };
}

/** How much of the file the parser reads per turn of the event loop. */
const PARSE_CHUNK = 16 * 1024;

/** Line breaks as an editor counts them: CRLF, LF or a lone CR each end one line. */
function lineBreaks(bytes: Buffer): number {
  return bytes.toString('latin1').match(/\r\n|\r|\n/g)?.length ?? 0;
}

/**
 * Cells exactly as written (no trimming: gift ideas keep their spaces and line breaks), with the
 * line of the file where each record starts, as an editor numbers it; parsed in chunks that yield.
 */
async function readRecords(csv: string): Promise<CsvRecord[]> {
  // Fed as UTF-8 bytes: a string chunk could end in half an emoji (a lone surrogate), which would
  // reach the parser as two replacement characters; the parser joins a character's bytes itself.
  const bytes = Buffer.from(csv.replace(/^\uFEFF/, ''));
  const records: CsvRecord[] = [];
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, delimiter: detectDelimiter(csv), info: true });
  let failure: Error | null = null;
  // The parser's own info.lines is where a record ends (and counts a CRLF inside quotes twice), so
  // the start is counted here from its byte position: the line just after the previous record,
  // plus the empty lines skipped since.
  let line = 1;
  let read = 0;
  let skipped = 0;
  parser.on('data', ({ record, info }: { record: string[]; info: Info }) => {
    records.push({ cells: record, line: line + info.empty_lines - skipped });
    line += lineBreaks(bytes.subarray(read, info.bytes));
    read = info.bytes;
    skipped = info.empty_lines;
  });
  parser.on('error', (error: Error) => (failure ??= error));
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', () => resolve());
  });
  for (let at = 0; at < bytes.length && failure === null; at += PARSE_CHUNK) {
    parser.write(bytes.subarray(at, at + PARSE_CHUNK));
    await nextTurn();
  }
  if (failure === null) parser.end();
  await ended;
  if (failure !== null) {
    throw new DomainError(
      'invalid_input',
      { key: 'error.csv.unreadable', values: { detail: (failure as Error).message.split('\n')[0] } },
      {
        issues: [{ path: 'csv', message: { key: 'error.csv.unreadableShort' } }],
      },
    );
  }
  return records;
}

/** Spreadsheets in many locales save with semicolons. */
function detectDelimiter(csv: string): string {
  const first = csv.split(/\r?\n/, 1)[0] ?? '';
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}
