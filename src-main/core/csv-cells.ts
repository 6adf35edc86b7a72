/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with
 * = + - @ tab or carriage return as a formula. Such cells are written with a leading single quote,
 * which spreadsheets show as text. A cell that already starts with a quote followed by one of
 * those (or by another quote) gets one too, so reading strips exactly one quote and every value
 * comes back unchanged, while an ordinary apostrophe ('Tis) is left alone both ways.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

function needsQuote(value: string): boolean {
  const first = value[0];
  if (first === undefined) return false;
  if (FORMULA_START.has(first)) return true;
  const second = value[1];
  return first === "'" && second !== undefined && (second === "'" || FORMULA_START.has(second));
}

/** The cell as written to a CSV file. */
export function neutraliseCell(value: string): string {
  return needsQuote(value) ? `'${value}` : value;
}

/** The value of a cell read from a CSV file: the inverse of neutraliseCell. */
export function restoreCell(cell: string): string {
  const rest = cell.slice(1);
  return cell.startsWith("'") && needsQuote(rest) ? rest : cell;
}
