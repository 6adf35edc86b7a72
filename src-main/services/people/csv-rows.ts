import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { personKey } from '../../contract/values';
import { AddParticipantInput } from '../../contract/participants';
import { restoreCell } from '../../core/csv-cells';
import { checkReach } from '../../core/delivery';
import type { Delivery } from '../../contract/participants';
import { issueText } from '../../core/issues';
import { LOCALE_NAMES, LOCALES, type Locale, type Text, type Translator } from '../../i18n';
import { mapInSlices } from '../common/slices';

export type Column = 'name' | 'email' | 'delivery' | 'giftIdeas' | 'reminders' | 'emailConfirmed' | 'withdrawn' | 'language';

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
  language: 'language',
  sprache: 'language',
  langue: 'language',
  idioma: 'language',
};

/** One record of the file: its cells, and the line of the file where it starts (1 = the first). */
export interface CsvRecord {
  cells: string[];
  line: number;
}

type Row = OperationOutput<'participants.import'>['rows'][number];
type NewParticipant = Omit<ParsedInput<'participants.add'>, 'exchangeId'>;

export interface CheckedRow {
  row: Row;
  /** What to add when the import goes ahead; absent for bad and skipped rows. */
  add?: NewParticipant;
  /** The row's refusal as a catalogue text (`row.error` holds it worded for the organizer). */
  problem?: Text;
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

function deliveryOf(cell: string): { ok: true; delivery: Delivery } | { ok: false; text: Text } {
  const value = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  const delivery = DELIVERY_CELLS[value];
  if (delivery !== undefined) return { ok: true, delivery };
  if (value.startsWith('delivered')) return { ok: false, text: { key: 'error.csv.deliveredBy' } };
  return { ok: false, text: { key: 'error.csv.delivery' } };
}

/** A language cell: a code or a language's own name, in any case (accents optional); blank means the exchange's. */
const LANGUAGE_CELLS: Record<string, Locale | null> = { '': null, francais: 'fr', espanol: 'es' };
for (const locale of LOCALES) {
  LANGUAGE_CELLS[locale] = locale;
  LANGUAGE_CELLS[LOCALE_NAMES[locale].toLowerCase()] = locale;
}

/** The language cell's value: a language, null (the exchange's), or undefined when it names none of ours. */
export function languageOf(cell: string): Locale | null | undefined {
  return LANGUAGE_CELLS[cell.trim().toLowerCase()];
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
/** `t`: the organizer's language, for each row's error and note. */
export function checkRows(exchangeId: number, columns: Array<Column | undefined>, records: CsvRecord[], taken: Set<string>, t: Translator): Promise<CheckedRow[]> {
  const seen = new Map<string, number>();
  // In slices: 10 000 rows through the schema take longer than the pages may wait.
  return mapInSlices(records, ({ cells, line }): CheckedRow => {
    const get = (column: Column) => {
      const at = columns.indexOf(column);
      return at === -1 ? '' : restoreCell(cells[at] ?? '');
    };
    const rawEmail = get('email');
    const row: Row = { line, name: get('name'), email: rawEmail.trim(), giftIdeas: get('giftIdeas'), error: null };
    const refuse = (problem: Text): CheckedRow => {
      row.error = t.text(problem);
      return { row, problem };
    };
    if (yesNo(get('withdrawn'), false) === true) {
      row.note = t.t('error.csv.skippedWithdrawn');
      return { row };
    }
    const reminders = yesNo(get('reminders'), true);
    if (reminders === null) return refuse({ key: 'error.csv.reminders' });
    const delivery = deliveryOf(get('delivery'));
    if (!delivery.ok) return refuse(delivery.text);
    const language = get('language');
    const locale = languageOf(language);
    if (locale === undefined) return refuse({ key: 'error.csv.language', values: { line, value: language.trim() } });
    const parsed = AddParticipantInput.safeParse({
      exchangeId,
      name: row.name,
      email: rawEmail,
      delivery: delivery.delivery,
      giftIdeas: row.giftIdeas,
      remindersEnabled: reminders,
      locale,
    });
    if (!parsed.success) return refuse(issueText(parsed.error.issues[0]!));
    row.name = parsed.data.name;
    const reach = checkReach(parsed.data.email, delivery.delivery, null);
    if (!reach.ok) return refuse(rawEmail.trim() === '' ? { key: 'error.csv.emailEmpty' } : reach.text);
    const email = reach.reach.email;
    row.email = email;
    // A family may share an address: one person is a name at an address (personKey); without one, a name.
    const key = personKey(row.name, email);
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, line);
    if (taken.has(key)) return refuse({ key: 'error.csv.taken', values: { name: row.name, email, hasEmail: email === '' ? 'no' : 'yes' } });
    if (earlier !== undefined) return refuse({ key: 'error.csv.twice', values: { name: row.name, email, hasEmail: email === '' ? 'no' : 'yes', earlier } });
    const { exchangeId: _exchange, ...add } = parsed.data;
    return { row, add: { ...add, ...reach.reach } };
  });
}
