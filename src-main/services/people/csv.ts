import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { personKey } from '../../contract/common';
import { neutraliseCell } from '../../core/csv-cells';
import { DomainError } from '../../core/errors';
import { getExchange } from '../../db/repos/exchanges';
import { listParticipants } from '../../db/repos/participants';
import type { Deps } from '../common/deps';
import { checkRows, COLUMN_NAMES, type Column } from './csv-rows';
import { addParticipants } from './participants';

/** The export's header; the import reads every one of these columns. */
const EXPORT_HEADER = ['name', 'email', 'gift ideas', 'reminders', 'email confirmed', 'withdrawn'];

/**
 * CSV import with a preview: every row is checked with the same schema as `participants.add` (and
 * against the file and the exchange) and bad rows are named by line. Nothing is added unless every
 * row is good; rows marked withdrawn are skipped with a note.
 */
export function importParticipants(deps: Deps, input: ParsedInput<'participants.import'>): OperationOutput<'participants.import'> {
  const [header, ...body] = readRecords(input.csv);
  if (!header) throw new DomainError('invalid_input', 'The file is empty.', { issues: [{ path: 'csv', message: 'Empty file.' }] });
  const columns = header.map((h): Column | undefined => COLUMN_NAMES[h.trim().toLowerCase()]);
  if (!columns.includes('name') || !columns.includes('email')) {
    throw new DomainError('invalid_input', 'The first row must name the columns, with at least "name" and "email".', {
      issues: [{ path: 'csv', message: 'Missing name or email column.' }],
    });
  }
  if (body.length > 10_000) throw new DomainError('invalid_input', 'At most 10 000 people per file.', { issues: [{ path: 'csv', message: 'Too many rows.' }] });
  const exchange = getExchange(deps.db, input.exchangeId);
  const taken = new Set(listParticipants(deps.db, exchange.id).map((p) => personKey(p.name, p.email)));
  const checked = checkRows(exchange.id, columns, body, taken);
  const rows = checked.map((c) => c.row);
  const bad = rows.filter((r) => r.error !== null);
  if (input.dryRun || rows.length === 0) return { rows, added: 0 };
  if (bad.length > 0) {
    throw new DomainError('invalid_input', `${bad.length} ${bad.length === 1 ? 'row needs' : 'rows need'} fixing first (line ${bad.map((r) => r.line).join(', ')}).`, {
      issues: bad.map((r) => ({ path: `rows.${r.line}`, message: r.error! })),
    });
  }
  const people = checked.flatMap((c) => (c.add ? [c.add] : []));
  if (people.length > 0) addParticipants(deps, exchange.id, people);
  return { rows, added: people.length };
}

/** Every cell is neutralised against formula injection; the import undoes exactly that. */
export function exportParticipants(deps: Deps, exchangeId: number): OperationOutput<'participants.export'> {
  const exchange = getExchange(deps.db, exchangeId);
  const people = listParticipants(deps.db, exchangeId);
  const yes = (flag: boolean) => (flag ? 'yes' : 'no');
  const csv = stringify([
    EXPORT_HEADER,
    ...people.map((p) => [p.name, p.email, p.giftIdeas, yes(p.remindersEnabled), yes(p.emailConfirmedAt !== null), yes(p.withdrawnAt !== null)].map(neutraliseCell)),
  ]);
  const slug =
    exchange.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'exchange';
  return { filename: `${slug}-participants.csv`, csv };
}

/** Cells exactly as written (no trimming: gift ideas keep their spaces and line breaks). */
function readRecords(csv: string): string[][] {
  try {
    return parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, delimiter: detectDelimiter(csv) }) as string[][];
  } catch (error) {
    throw new DomainError('invalid_input', `The file is not readable as CSV: ${(error as Error).message.split('\n')[0]}`, {
      issues: [{ path: 'csv', message: 'Not readable as CSV.' }],
    });
  }
}

/** Spreadsheets in many locales save with semicolons. */
function detectDelimiter(csv: string): string {
  const first = csv.split(/\r?\n/, 1)[0] ?? '';
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}
