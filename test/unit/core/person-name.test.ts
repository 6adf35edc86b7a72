import { describe, expect, it } from 'vitest';
import { normalisePersonName, PersonName } from '../../../src-main/contract/common';

describe('person names (one rule for the API, the forms and the CSV)', () => {
  it('normalises: NFC, trimmed, inner runs of spaces made one', () => {
    expect(normalisePersonName('  Ann \u00a0  Smith ')).toEqual({ ok: true, name: 'Ann Smith' });
    expect(normalisePersonName('Zoe\u0301')).toEqual({ ok: true, name: 'Zoé' });
    expect(PersonName.parse('  Ann   Lee ')).toBe('Ann Lee');
  });

  it('refuses NUL, C1 controls, every kind of line break and bidi overrides', () => {
    const breaks = ['Ann\nSmith', 'Ann\rSmith', 'Ann\u0085Smith', 'Ann\u2028Smith', 'Ann\u2029Smith', 'Ann\u000bSmith'];
    for (const name of breaks) expect(normalisePersonName(name)).toEqual({ ok: false, message: 'A name fits on one line.' });
    const controls = ['Ann\u0000', 'Ann\u0007Smith', 'Ann\tSmith', 'Ann\u009bSmith', 'Ann\u202eevil', 'Ann\u2066x'];
    for (const name of controls) expect(normalisePersonName(name)).toEqual({ ok: false, message: 'A name cannot contain control characters.' });
    expect(PersonName.safeParse('Ann\u2028Smith').error?.issues[0]?.message).toBe('A name fits on one line.');
  });

  it('keeps the length and emptiness rules', () => {
    expect(normalisePersonName('   ')).toEqual({ ok: false, message: 'Enter a name.' });
    expect(normalisePersonName('x'.repeat(101))).toEqual({ ok: false, message: 'Names are at most 100 characters.' });
    expect(normalisePersonName('x'.repeat(1_000_000)).ok).toBe(false);
    expect(normalisePersonName('👩‍👩‍👧 family')).toEqual({ ok: true, name: '👩‍👩‍👧 family' });
  });
});
