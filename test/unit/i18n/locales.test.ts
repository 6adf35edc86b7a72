import { describe, expect, it } from 'vitest';
import { formatMoney, pickLocale, translator } from '../../../src-main/i18n';

describe('choosing a language from the browser', () => {
  it("follows the browser's order of preference among our languages", () => {
    expect(pickLocale('de-CH,de;q=0.9,en;q=0.8')).toBe('de');
    expect(pickLocale('ja,fr;q=0.5,es;q=0.7')).toBe('es');
    expect(pickLocale('fr-CA')).toBe('fr');
    expect(pickLocale('en;q=0,de;q=0.1')).toBe('de');
  });

  it('says "none" for a header naming none of them, a missing one or garbage', () => {
    expect(pickLocale('ja,zh-CN;q=0.8')).toBeNull();
    expect(pickLocale('')).toBeNull();
    expect(pickLocale(undefined)).toBeNull();
    expect(pickLocale('de;q=abc')).toBeNull();
    expect(pickLocale('x'.repeat(5000))).toBeNull();
  });
});

describe('formatting by the platform', () => {
  it('writes money the same way for a language wherever it appears, with the narrow symbol', () => {
    expect(formatMoney('en', { amount: '30', currency: 'USD' })).toBe('$30');
    expect(formatMoney('de', { amount: '19.5', currency: 'EUR' })).toBe('19,50\u00a0€');
    expect(formatMoney('fr', { amount: '25', currency: 'EUR' })).toBe('25\u00a0€');
    expect(formatMoney('es', { amount: 'lots', currency: 'EUR' })).toBe('lots EUR');
  });

  it('words a date, its time and zone, and lists, per language', () => {
    const at = Date.UTC(2026, 11, 19, 17);
    expect(translator('en').dateTime(at, 'Europe/Berlin')).toBe('Saturday, 19 December 2026 at 18:00 (Europe/Berlin)');
    expect(translator('de').dateTime(at, 'Europe/Berlin')).toBe('Samstag, 19. Dezember 2026 um 18:00 Uhr (Europe/Berlin)');
    expect(translator('fr').list(['Ann', 'Bob', 'Cy'])).toBe('Ann, Bob et Cy');
    expect(translator('es').list(['Ann', 'Bob'])).toBe('Ann y Bob');
  });
});
