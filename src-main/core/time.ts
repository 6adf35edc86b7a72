import { DateTime } from 'luxon';
import { invalidField } from './errors';

const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";

/**
 * A wall-clock time in `zone` (as typed by the organizer) → UTC epoch ms. Impossible dates
 * (30 February) are refused; a time inside a spring-forward gap moves forward as luxon does.
 */
export function localToUtc(local: string, zone: string, field: string): number {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw invalidField(field, { key: 'error.time.notReal', values: { local } });
  return dt.toMillis();
}

export function utcToLocal(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat(LOCAL_FORMAT);
}

/** The calendar year of an instant in a zone (pair history is keyed by the exchange's year). */
export function yearIn(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).year;
}
