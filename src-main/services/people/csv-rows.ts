import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { personKey } from '../../contract/common';
import { AddParticipantInput } from '../../contract/participants';
import { restoreCell } from '../../core/csv-cells';
import { checkReach } from '../../core/delivery';
import type { Delivery } from '../../contract/participants';
import { mapInSlices } from '../common/slices';

export type Column = 'name' | 'email' | 'delivery' | 'giftIdeas' | 'reminders' | 'emailConfirmed' | 'withdrawn';

/** Header names (lower-cased) the import understands, including every column the export writes. */
export const COLUMN_NAMES: Record<string, Column> = {
  name: 'name',
  'full name': 'name',
  email: 'email',
  'e-mail': 'email',
  'email address': 'email',
  delivery: 'delivery',
  'how they learn': 'delivery',
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

/** The delivery cell as the export writes it (and a few spellings); blank means email. */
const DELIVERY_CELLS: Record<string, Delivery> = {
  '': 'email',
  email: 'email',
  card: 'card',
  'printed card': 'card',
  'in person': 'in_person',
  in_person: 'in_person',
  table: 'in_person',
  'at the table': 'in_person',
};

function deliveryOf(cell: string): { ok: true; delivery: Delivery } | { ok: false; message: string } {
  const value = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  const delivery = DELIVERY_CELLS[value];
  if (delivery !== undefined) return { ok: true, delivery };
  if (value.startsWith('delivered')) {
    return { ok: false, message: 'A file cannot say who passes a link on: import them with "card" or "in person", then choose "someone delivers it" on the Participants tab.' };
  }
  return { ok: false, message: 'Write email, card or in person in the delivery column (or leave it empty for email).' };
}

/** What the export writes in the delivery column. */
export function deliveryCell(delivery: Delivery, delivererName: string | null): string {
  if (delivery === 'delivered') return `delivered by ${delivererName ?? 'nobody'}`;
  return delivery === 'in_person' ? 'in person' : delivery;
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
    const delivery = deliveryOf(get('delivery'));
    if (!delivery.ok) {
      row.error = delivery.message;
      return { row };
    }
    const parsed = AddParticipantInput.safeParse({
      exchangeId,
      name: row.name,
      email: rawEmail,
      delivery: delivery.delivery,
      giftIdeas: row.giftIdeas,
      remindersEnabled: reminders,
    });
    if (!parsed.success) {
      row.error = parsed.error.issues[0]!.message;
      return { row };
    }
    row.name = parsed.data.name;
    const reach = checkReach(parsed.data.email, delivery.delivery, null);
    if (!reach.ok) {
      row.error = rawEmail.trim() === '' ? 'The email cell is empty: write an address, or card or in person in the delivery column.' : reach.message;
      return { row };
    }
    const email = reach.reach.email;
    row.email = email;
    // A family may share an address: one person is a name at an address (personKey); without one, a name.
    const key = personKey(row.name, email);
    const who = email === '' ? `${row.name} (without email)` : `${row.name} <${email}>`;
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, line);
    if (taken.has(key)) row.error = `${who} is already taking part.`;
    else if (earlier !== undefined) row.error = `${who} is also on line ${earlier}.`;
    if (row.error !== null) return { row };
    const { exchangeId: _exchange, ...add } = parsed.data;
    return { row, add: { ...add, ...reach.reach } };
  });
}
