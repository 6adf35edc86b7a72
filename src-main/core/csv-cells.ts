/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with
 * = + - @ tab or carriage return as a formula, and one that starts with spaces before those too
 * when its import trims them (LibreOffice's "Trim spaces" option). Such cells are written with a
 * leading single quote, which spreadsheets show as text. A cell that already starts with a quote
 * followed by one of those (or by another quote) gets one too, so reading strips exactly one quote
 * and every value comes back unchanged, while an ordinary apostrophe ('Tis) is left alone both ways.
 */
const FORMULA_START = /^ *[=+\-@\t\r]/;

function needsQuote(value: string): boolean {
  if (FORMULA_START.test(value)) return true;
  return value.startsWith("'") && (value[1] === "'" || FORMULA_START.test(value.slice(1)));
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
