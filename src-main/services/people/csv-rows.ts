import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { personKey } from '../../contract/common';
import { AddParticipantInput } from '../../contract/participants';
import { restoreCell } from '../../core/csv-cells';
import { normaliseEmail } from '../../core/email';
import { mapInSlices } from '../common/slices';

export type Column = 'name' | 'email' | 'giftIdeas' | 'reminders' | 'emailConfirmed' | 'withdrawn';

/** Header names (lower-cased) the import understands, including every column the export writes. */
export const COLUMN_NAMES: Record<string, Column> = {
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
  // Read so the export's own file is understood, but never trusted: only a link proves an address.
  'email confirmed': 'emailConfirmed',
  withdrawn: 'withdrawn',
};

type Row = OperationOutput<'participants.import'>['rows'][number];
type NewParticipant = Omit<ParsedInput<'participants.add'>, 'exchangeId'>;

export interface CheckedRow {
  row: Row;
  /** What to add when the import goes ahead; absent for bad and skipped rows. */
  add?: NewParticipant;
}

/** yes/no as the export writes them (and the usual spreadsheet spellings); blank means the default. */
function yesNo(cell: string, blank: boolean): boolean | null {
  const value = cell.trim().toLowerCase();
  if (value === '') return blank;
  if (['yes', 'y', 'true', '1'].includes(value)) return true;
  if (['no', 'n', 'false', '0'].includes(value)) return false;
  return null;
}

/**
 * Checks each row with the contract's schema for `participants.add` (so the import refuses what
 * the API refuses, with the same words) and the same email rule, then against the exchange and
 * the rest of the file. Checked in slices that yield to the event loop.
 */
/** `taken`: the personKey of everyone already in the exchange. */
export function checkRows(exchangeId: number, columns: Array<Column | undefined>, records: string[][], taken: Set<string>): Promise<CheckedRow[]> {
  const seen = new Map<string, number>();
  // In slices: 10 000 rows through the schema take longer than the pages may wait.
  return mapInSlices(records, (record, index): CheckedRow => {
    const line = index + 2;
    const get = (column: Column) => {
      const at = columns.indexOf(column);
      return at === -1 ? '' : restoreCell(record[at] ?? '');
    };
    const rawEmail = get('email');
    const row: Row = { line, name: get('name'), email: rawEmail.trim(), giftIdeas: get('giftIdeas'), error: null };
    if (yesNo(get('withdrawn'), false) === true) {
      row.note = 'Skipped: marked as withdrawn.';
      return { row };
    }
    const reminders = yesNo(get('reminders'), true);
    if (reminders === null) {
      row.error = 'Write yes or no in the reminders column.';
      return { row };
    }
    const parsed = AddParticipantInput.safeParse({ exchangeId, name: row.name, email: rawEmail, giftIdeas: row.giftIdeas, remindersEnabled: reminders });
    if (!parsed.success) {
      row.error = parsed.error.issues[0]!.message;
      return { row };
    }
    row.name = parsed.data.name;
    const email = normaliseEmail(parsed.data.email);
    if (!email.ok) {
      row.error = email.message;
      return { row };
    }
    row.email = email.email;
    // A family may share an address: one person is a name at an address (personKey).
    const key = personKey(row.name, email.email);
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, line);
    if (taken.has(key)) row.error = `${row.name} <${email.email}> is already taking part.`;
    else if (earlier !== undefined) row.error = `${row.name} <${email.email}> is also on line ${earlier}.`;
    if (row.error !== null) return { row };
    const { exchangeId: _exchange, ...add } = parsed.data;
    return { row, add: { ...add, email: email.email } };
  });
}
