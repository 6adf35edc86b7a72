import { describe, expect, it } from 'vitest';
import { exchangeIcs, exchangeIcsAttachment } from '../../../src-main/mail/ics';
import type { ExchangeInfo } from '../../../src-main/mail/templates';

const exchange: ExchangeInfo = {
  name: 'Smith, Jones; Family\r\nChristmas\\2026',
  description: 'Line one\nBring <cookies>, please; thanks',
  exchangeAt: Date.UTC(2026, 11, 19, 17, 0),
  timezone: 'Europe/Berlin',
  location: 'Main St. 1, Berlin',
  budget: { amount: '25', currency: 'EUR' },
};

/** Unfolds continuation lines (RFC 5545 §3.1) and maps property name → raw value. */
function parse(ics: string): { lines: string[]; prop: (name: string) => string | undefined } {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  return {
    lines,
    prop: (name) => lines.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))?.replace(/^[^:]*:/, ''),
  };
}

describe('exchangeIcs', () => {
  const ics = exchangeIcs({ locale: 'en', exchange, uid: 'ex1-p2@sneaky-klaus', stampAt: Date.UTC(2026, 10, 20, 9, 30) });
  const { lines, prop } = parse(ics);

  it('is one VEVENT inside a VCALENDAR with CRLF line ends', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toContain('END:VEVENT');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(prop('METHOD')).toBe('PUBLISH');
  });

  it('starts at the exchange instant in UTC and lasts two hours', () => {
    expect(prop('DTSTART')).toBe('20261219T170000Z');
    expect(prop('DURATION')).toBe('PT2H');
    expect(prop('DTSTAMP')).toBe('20261120T093000Z');
  });

  it('escapes the summary, location and description as iCalendar text', () => {
    expect(prop('SUMMARY')).toBe('Secret Santa: Smith\\, Jones\\; Family Christmas\\\\2026');
    expect(prop('LOCATION')).toBe('Main St. 1\\, Berlin');
    expect(prop('DESCRIPTION')).toContain('Line one\\nBring <cookies>\\, please\\; thanks');
    expect(prop('DESCRIPTION')).toContain('Budget: €25 per gift');
  });

  it('keeps the UID stable and clean, and renders deterministically', () => {
    expect(prop('UID')).toBe('ex1-p2@sneaky-klaus');
    const dirty = parse(exchangeIcs({ locale: 'en', exchange, uid: 'ex1 p2\r\n;x@sk' }));
    expect(dirty.prop('UID')).toBe('ex1p2x@sk');
    expect(exchangeIcs({ locale: 'en', exchange, uid: 'a@b' })).toBe(exchangeIcs({ locale: 'en', exchange, uid: 'a@b' }));
    expect(() => exchangeIcs({ locale: 'en', exchange, uid: '\r\n' })).toThrow(/uid/);
  });

  it('omits an empty location and honours sequence', () => {
    const { prop: p } = parse(exchangeIcs({ locale: 'en', exchange: { ...exchange, location: '  ' }, uid: 'a@b', sequence: 2 }));
    expect(p('LOCATION')).toBeUndefined();
    expect(p('SEQUENCE')).toBe('2');
  });

  it('is wrapped as a calendar attachment with a readable file name', () => {
    const att = exchangeIcsAttachment({ locale: 'en', exchange: { ...exchange, name: 'Noël à la maison!' }, uid: 'a@b' });
    expect(att.filename).toBe('noel-a-la-maison.ics');
    expect(att.contentType).toBe('text/calendar; charset=utf-8; method=PUBLISH');
    expect(exchangeIcsAttachment({ locale: 'en', exchange: { ...exchange, name: '🎄' }, uid: 'a@b' }).filename).toBe('secret-santa.ics');
  });
});
