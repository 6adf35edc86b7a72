import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, INTL_LOCALE, LOCALES, translator, type MessageKey } from '../../../src-main/i18n';

/**
 * Every catalogue says the same things: the same keys, each with the same placeholders of the same
 * kinds, valid ICU syntax, plurals that cover the language's own plural forms, and no English left
 * in a translation by accident.
 */

const en = CATALOGUES.en;
const keys = Object.keys(en) as MessageKey[];

/** Texts that are the same in every language by nature (names, codes, pure placeholders). */
const SAME_EVERYWHERE = new Set<string>([
  'Sneaky Klaus',
  'OK',
  'Email',
  'E-mail',
  'SMTP',
  'CSV',
  'QR',
  'Status',
  'Total',
  'Version',
  'Port',
  'Budget',
  'Min.',
  'Max.',
  'Test',
  'Info',
  'Description',
  'Notifications',
  'Participants',
  'Date',
  'Message',
  'Messages',
  'Menu',
  'Local',
  'Image',
  'Service',
  'Options',
  'Name',
  'Link',
  'Person',
  'Actions',
  'No',
]);

interface Placeholder {
  name: string;
  kind: string;
}

function placeholders(elements: MessageFormatElement[], into: Map<string, string> = new Map()): Map<string, string> {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
        if (!into.has(el.value)) into.set(el.value, 'text');
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        into.set(el.value, TYPE[el.type]);
        break;
      case TYPE.plural:
        into.set(el.value, el.pluralType === 'ordinal' ? 'selectordinal' : 'plural');
        for (const option of Object.values(el.options)) placeholders(option.value, into);
        break;
      case TYPE.select:
        into.set(el.value, 'select');
        for (const option of Object.values(el.options)) placeholders(option.value, into);
        break;
      case TYPE.tag:
        into.set(`<${el.value}>`, 'tag');
        placeholders(el.children, into);
        break;
      default:
        break;
    }
  }
  return into;
}

function sorted(map: Map<string, string>): Placeholder[] {
  return [...map].map(([name, kind]) => ({ name, kind })).sort((a, b) => a.name.localeCompare(b.name));
}

function plurals(elements: MessageFormatElement[], into: Array<{ name: string; options: string[]; ordinal: boolean }> = []) {
  for (const el of elements) {
    if (el.type === TYPE.plural) {
      into.push({ name: el.value, options: Object.keys(el.options), ordinal: el.pluralType === 'ordinal' });
      for (const option of Object.values(el.options)) plurals(option.value, into);
    } else if (el.type === TYPE.select) {
      for (const option of Object.values(el.options)) plurals(option.value, into);
    } else if (el.type === TYPE.tag) plurals(el.children, into);
  }
  return into;
}

describe('message catalogues', () => {
  it('English has messages, all valid ICU', () => {
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(() => parse(en[key]), key).not.toThrow();
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    describe(locale, () => {
      const catalogue = CATALOGUES[locale];

      it('has exactly the English keys', () => {
        expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
      });

      it('uses the same placeholders, of the same kinds, as English', () => {
        const wrong = keys.filter((key) => JSON.stringify(sorted(placeholders(parse(catalogue[key])))) !== JSON.stringify(sorted(placeholders(parse(en[key])))));
        expect(wrong.map((key) => `${key}: en "${en[key]}" vs ${locale} "${catalogue[key]}"`)).toEqual([]);
      });

      it("covers the language's plural forms in every plural", () => {
        const cardinal = new Intl.PluralRules(INTL_LOCALE[locale]).resolvedOptions().pluralCategories;
        const ordinal = new Intl.PluralRules(INTL_LOCALE[locale], { type: 'ordinal' }).resolvedOptions().pluralCategories;
        const missing: string[] = [];
        for (const key of keys) {
          for (const p of plurals(parse(catalogue[key]))) {
            if (!p.options.includes('other')) missing.push(`${key}: {${p.name}} has no "other"`);
            for (const category of p.ordinal ? ordinal : cardinal) {
              // "many" in French and Spanish is for millions ("1 000 000 de cadeaux"); "other" covers it.
              if (category === 'many' || category === 'other') continue;
              if (!p.options.includes(category) && !p.options.some((o) => o.startsWith('='))) missing.push(`${key}: {${p.name}} lacks "${category}"`);
            }
          }
        }
        expect(missing).toEqual([]);
      });

      it('translates every text (no English left behind)', () => {
        const english = keys.filter((key) => {
          const text = catalogue[key];
          if (text !== en[key]) return false;
          const words = text
            .replace(/\{[^{}]*\}/g, '')
            .replace(/<\/?\w+>/g, '')
            .trim();
          return /[A-Za-z]{2}/.test(words) && !SAME_EVERYWHERE.has(words);
        });
        expect(english.map((key) => `${key}: "${en[key]}"`)).toEqual([]);
      });
    });
  }

  it('formats every plural for 0, 1, 2 and 5 in every language', () => {
    for (const locale of LOCALES) {
      const t = translator(locale);
      for (const key of keys) {
        const ast = parse(en[key]);
        const found = plurals(ast);
        if (found.length === 0) continue;
        const names = placeholders(ast);
        for (const n of [0, 1, 2, 5]) {
          const values: Record<string, string | number | Date | ((chunks: unknown[]) => string)> = {};
          for (const [name, kind] of names) {
            if (kind === 'tag') {
              values[name.slice(1, -1)] = (chunks) => chunks.join('');
              continue;
            }
            values[name] =
              kind === 'plural' || kind === 'number' || kind === 'selectordinal' ? n : kind === 'date' || kind === 'time' ? new Date(0) : kind === 'select' ? 'other' : 'X';
          }
          const text = String(t.intl.formatMessage({ id: key }, values));
          expect(text.length, `${locale} ${key} n=${n}`).toBeGreaterThan(0);
          expect(text, `${locale} ${key} n=${n}`).not.toContain('{');
        }
      }
    }
  });
});
