import { describe, expect, it } from 'vitest';
import { normalisePersonName, PersonName } from '../../../src-main/contract/common';
import { issueText } from '../../../src-main/core/issues';
import { translator } from '../../../src-main/i18n';

/** The refusal as an English and a German reader read it. */
function refusal(raw: string): { en: string; de: string } | null {
  const result = normalisePersonName(raw);
  return result.ok ? null : { en: translator('en').text(result.text), de: translator('de').text(result.text) };
}

describe('person names (one rule for the API, the forms and the CSV)', () => {
  it('normalises: NFC, trimmed, inner runs of spaces made one', () => {
    expect(normalisePersonName('  Ann \u00a0  Smith ')).toEqual({ ok: true, name: 'Ann Smith' });
    expect(normalisePersonName('Zoe\u0301')).toEqual({ ok: true, name: 'Zoé' });
    expect(PersonName.parse('  Ann   Lee ')).toBe('Ann Lee');
  });

  it('refuses NUL, C1 controls, every kind of line break and bidi overrides', () => {
    const breaks = ['Ann\nSmith', 'Ann\rSmith', 'Ann\u0085Smith', 'Ann\u2028Smith', 'Ann\u2029Smith', 'Ann\u000bSmith'];
    for (const name of breaks) expect(refusal(name)?.en).toBe('A name fits on one line.');
    const controls = ['Ann\u0000', 'Ann\u0007Smith', 'Ann\tSmith', 'Ann\u009bSmith', 'Ann\u202eevil', 'Ann\u2066x'];
    for (const name of controls) expect(refusal(name)?.en).toBe('A name cannot contain control characters.');
    const issue = PersonName.safeParse('Ann\u2028Smith').error!.issues[0]!;
    expect(translator('en').text(issueText(issue))).toBe('A name fits on one line.');
    expect(translator('de').text(issueText(issue))).toBe('Ein Name passt in eine Zeile.');
  });

  it('keeps the length and emptiness rules', () => {
    expect(refusal('   ')).toEqual({ en: 'Enter a name.', de: 'Gib einen Namen ein.' });
    expect(refusal('x'.repeat(101))?.en).toBe('Names are at most 100 characters.');
    expect(translator('en').text(issueText(PersonName.safeParse('x'.repeat(101)).error!.issues[0]!))).toBe('Names are at most 100 characters.');
    expect(normalisePersonName('x'.repeat(1_000_000)).ok).toBe(false);
    expect(normalisePersonName('👩‍👩‍👧 family')).toEqual({ ok: true, name: '👩‍👩‍👧 family' });
  });
});
