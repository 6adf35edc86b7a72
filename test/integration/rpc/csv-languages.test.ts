import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

/**
 * Issue #20: a participant's language travels through the CSV. The import reads an optional
 * `language` column (codes or the languages' own names, any case; empty = the exchange's) and
 * refuses anything else by row, adding nobody; the export writes the column back.
 */
let t: TestApp;
let exchangeId: number;
beforeEach(async () => {
  t = await createTestApp();
  exchangeId = (await t.ok('exchanges.create', exchangeInput())).id;
});
afterEach(() => t.close());

const languages = async (id: number) => Object.fromEntries((await t.ok('participants.list', { exchangeId: id })).map((p) => [p.name, p.locale]));

const GOOD = [
  'name,email,language',
  'Ann,ann@example.com,en',
  'Bea,bea@example.com,Deutsch',
  'Cem,cem@example.com,FRANÇAIS',
  'Dan,dan@example.com,español',
  'Eva,eva@example.com,',
  'Fay,fay@example.com, DE ',
].join('\n');

describe('the language column', () => {
  it('imports codes and names in any case; empty means the exchange’s language', async () => {
    const result = await t.ok('participants.import', { exchangeId, csv: GOOD, dryRun: false });
    expect(result.added).toBe(6);
    expect(result.rows.every((r) => r.error === null)).toBe(true);
    expect(await languages(exchangeId)).toEqual({ Ann: 'en', Bea: 'de', Cem: 'fr', Dan: 'es', Eva: null, Fay: 'de' });
  });

  it('refuses an unknown language naming the row and the accepted values, and adds nobody', async () => {
    const csv = [...GOOD.split('\n'), 'Gus,gus@example.com,Klingon'].join('\n');
    const preview = await t.ok('participants.import', { exchangeId, csv, dryRun: true });
    expect(preview.rows.find((r) => r.name === 'Gus')?.error).toBe(
      'Line 8: "Klingon" is not a language we know. Write en, de, fr or es (or English, Deutsch, Français, Español), or leave it empty for the exchange’s language.',
    );
    const refused = await t.call('participants.import', { exchangeId, csv, dryRun: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '1 row needs fixing first (line 8).' } });
    if (!refused.ok) expect(refused.error.issues?.map((i) => i.path)).toEqual(['rows.8']);
    expect(await t.ok('participants.list', { exchangeId })).toEqual([]);
  });

  it('words the refusal in the organizer’s language', async () => {
    await t.ok('settings.update', { language: 'de' });
    const refused = await t.call('participants.import', { exchangeId, csv: 'name,email,Sprache\nAnn,ann@example.com,de\nBo,bo@example.com,xx', dryRun: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '1 Zeile muss zuerst korrigiert werden (Zeile 3).' } });
    if (!refused.ok) {
      expect(refused.error.issues).toEqual([
        {
          path: 'rows.3',
          message:
            'Zeile 3: „xx“ ist keine Sprache, die wir kennen. Schreib en, de, fr oder es (oder English, Deutsch, Français, Español) oder lass die Zelle leer für die Sprache des Wichtelns.',
        },
      ]);
    }
    const preview = await t.ok('participants.import', { exchangeId, csv: 'name,email,reminders\nAnn,ann@example.com,vielleicht', dryRun: true });
    expect(preview.rows[0]?.error).toBe('Schreib yes oder no in die Spalte „reminders“.');
    expect(await t.ok('participants.list', { exchangeId })).toEqual([]);
  });

  it('is written by the export and round-trips into another exchange', async () => {
    await t.ok('participants.import', { exchangeId, csv: GOOD, dryRun: false });
    const exported = (await t.ok('participants.export', { exchangeId })).csv;
    const rows = parse(exported, { columns: true }) as Array<Record<string, string>>;
    expect(Object.fromEntries(rows.map((r) => [r.name, r.language]))).toEqual({ Ann: 'en', Bea: 'de', Cem: 'fr', Dan: 'es', Eva: '', Fay: 'de' });
    const copy = (await t.ok('exchanges.create', exchangeInput({ name: 'Copy' }))).id;
    expect((await t.ok('participants.import', { exchangeId: copy, csv: exported, dryRun: false })).added).toBe(6);
    expect(await languages(copy)).toEqual(await languages(exchangeId));
  });

  it('files without the column still import, everyone in the exchange’s language', async () => {
    await t.ok('participants.import', { exchangeId, csv: 'name,email\nAnn,ann@example.com', dryRun: false });
    expect(await languages(exchangeId)).toEqual({ Ann: null });
  });
});
