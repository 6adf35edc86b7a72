import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { normaliseEmail } from '../../core/email';
import { DomainError } from '../../core/errors';
import { getExchange } from '../../db/repos/exchanges';
import { listParticipants } from '../../db/repos/participants';
import type { Deps } from '../common/deps';
import { addParticipant } from './participants';

const HEADERS: Record<string, 'name' | 'email' | 'giftIdeas' | 'reminders'> = {
  name: 'name',
  'full name': 'name',
  email: 'email',
  'e-mail': 'email',
  'email address': 'email',
  'gift ideas': 'giftIdeas',
  giftideas: 'giftIdeas',
  ideas: 'giftIdeas',
  wishes: 'giftIdeas',
  reminders: 'reminders',
};

type Row = OperationOutput<'participants.import'>['rows'][number];

/**
 * CSV import with a preview: every row is checked (name, email, duplicates within the file and
 * against the exchange) and bad rows are named by line. Nothing is added unless every row is good.
 */
export function importParticipants(deps: Deps, input: ParsedInput<'participants.import'>): OperationOutput<'participants.import'> {
  let records: string[][];
  try {
    records = parse(input.csv.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true, delimiter: detectDelimiter(input.csv) }) as string[][];
  } catch (error) {
    throw new DomainError('invalid_input', `The file is not readable as CSV: ${(error as Error).message.split('\n')[0]}`, { issues: [{ path: 'csv', message: 'Not readable as CSV.' }] });
  }
  const [header, ...body] = records;
  if (!header) throw new DomainError('invalid_input', 'The file is empty.', { issues: [{ path: 'csv', message: 'Empty file.' }] });
  const columns = header.map((h) => HEADERS[h.toLowerCase()]);
  if (!columns.includes('name') || !columns.includes('email')) {
    throw new DomainError('invalid_input', 'The first row must name the columns, with at least "name" and "email".', { issues: [{ path: 'csv', message: 'Missing name or email column.' }] });
  }
  if (body.length > 10_000) throw new DomainError('invalid_input', 'At most 10 000 people per file.', { issues: [{ path: 'csv', message: 'Too many rows.' }] });
  const existing = new Set(listParticipants(deps.db, getExchange(deps.db, input.exchangeId).id).map((p) => p.email));
  const seen = new Map<string, number>();
  const rows: Row[] = body.map((record, index) => {
    const line = index + 2;
    const get = (key: string) => record[columns.indexOf(key as never)] ?? '';
    const name = get('name');
    const email = normaliseEmail(get('email'));
    const row: Row = { line, name, email: email.ok ? email.email : get('email'), giftIdeas: get('giftIdeas'), error: null };
    if (!name) row.error = 'The name is missing.';
    else if (name.length > 100) row.error = 'The name is longer than 100 characters.';
    else if (!email.ok) row.error = email.message;
    else if (existing.has(email.email)) row.error = `${email.email} is already taking part.`;
    else if (seen.has(email.email)) row.error = `${email.email} is also on line ${seen.get(email.email)}.`;
    else if (row.giftIdeas.length > 4000) row.error = 'The gift ideas are longer than 4000 characters.';
    if (email.ok && !seen.has(email.email)) seen.set(email.email, line);
    return row;
  });
  const bad = rows.filter((r) => r.error !== null);
  if (input.dryRun || rows.length === 0) return { rows, added: 0 };
  if (bad.length > 0) {
    throw new DomainError('invalid_input', `${bad.length} ${bad.length === 1 ? 'row needs' : 'rows need'} fixing first (line ${bad.map((r) => r.line).join(', ')}).`, {
      issues: bad.map((r) => ({ path: `rows.${r.line}`, message: r.error! })),
    });
  }
  deps.db.transaction(() => {
    for (const r of rows) addParticipant(deps, { exchangeId: input.exchangeId, name: r.name, email: r.email, giftIdeas: r.giftIdeas, remindersEnabled: true, isOrganizer: false });
  });
  return { rows, added: rows.length };
}

export function exportParticipants(deps: Deps, exchangeId: number): OperationOutput<'participants.export'> {
  const exchange = getExchange(deps.db, exchangeId);
  const people = listParticipants(deps.db, exchangeId);
  const csv = stringify([
    ['name', 'email', 'gift ideas', 'reminders', 'email confirmed', 'withdrawn'],
    ...people.map((p) => [p.name, p.email, p.giftIdeas, p.remindersEnabled ? 'yes' : 'no', p.emailConfirmedAt ? 'yes' : 'no', p.withdrawnAt ? 'yes' : 'no']),
  ]);
  const slug = exchange.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'exchange';
  return { filename: `${slug}-participants.csv`, csv };
}

/** Spreadsheets in many locales save with semicolons. */
function detectDelimiter(csv: string): string {
  const first = csv.split(/\r?\n/, 1)[0] ?? '';
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}
