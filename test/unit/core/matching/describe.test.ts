import { describe, expect, it } from 'vitest';
import { describeReason, solve, type InfeasibleReason, type MatchingProblem, type MatchingRule } from '../../../../src-main/core/matching';
import { seededRandom } from '../../../../src-main/core/random';

const NAMES = ['Ann', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo', 'Kim', 'Lou', 'Zoe'];
const nameOf = (id: number): string => NAMES[id] ?? `#${id}`;
const say = (reason: InfeasibleReason): string => describeReason(reason, nameOf);

describe('describeReason', () => {
  it('Hall violations name the givers and the few people they may give to', () => {
    expect(say({ kind: 'hall', givers: [0, 1, 2], receivers: [3, 4] })).toMatch(/^Ann, Bob and Cy can only give to Dee and Eve/);
    expect(say({ kind: 'hall', givers: [6], receivers: [0, 1], side: 'receivers' })).toMatch(/^Ann and Bob can only be drawn by Gus/);
  });

  it('single people without options', () => {
    expect(say({ kind: 'nobody-to-give-to', giver: 12 })).toMatch(/^Zoe has nobody to give to/);
    expect(say({ kind: 'nobody-to-receive-from', receiver: 12 })).toMatch(/^Nobody may give to Zoe/);
  });

  it('other reasons are sentences that name the people involved', () => {
    const cases: Array<[InfeasibleReason, RegExp]> = [
      [{ kind: 'too-few', participantIds: [0] }, /At least 2 people.*only Ann is taking part/],
      [{ kind: 'too-few', participantIds: [0, 1], minimum: 3 }, /At least 3 people.*Ann and Bob/],
      [{ kind: 'must-draw-conflict', participantIds: [0, 1, 2], detail: 'two-receivers' }, /Ann is set to draw both Bob and Cy/],
      [{ kind: 'must-draw-conflict', participantIds: [0, 1], detail: 'excluded' }, /Ann is set to draw Bob, but that pair is excluded/],
      [{ kind: 'must-draw-conflict', participantIds: [0, 1], detail: 'mutual' }, /Ann and Bob are set to draw each other/],
      [
        {
          kind: 'no-single-loop',
          groups: [
            [0, 1],
            [2, 3],
          ],
          coverExists: true,
        },
        /\(Ann and Bob\), \(Cy and Dee\).*without a single loop is possible/,
      ],
      [{ kind: 'no-mutual-impossible', participantIds: [0, 1] }, /Ann and Bob can only draw each other/],
    ];
    for (const [reason, pattern] of cases) expect(say(reason)).toMatch(pattern);
  });

  it('a search that gave up names the modes in plain words, and mentions time only when it ran out', () => {
    expect(say({ kind: 'budget-exhausted', mode: 'single-loop', otherModesPossible: ['any'], outOfTime: true })).toBe(
      'No single loop through everyone was found within the time allowed; the rules may make it impossible. Possible instead: a draw with small loops and mutual pairs allowed.',
    );
    expect(say({ kind: 'budget-exhausted', mode: 'no-mutual', otherModesPossible: [], outOfTime: false })).toBe(
      'No draw without mutual pairs was found; the rules may make it impossible.',
    );
    expect(say({ kind: 'budget-exhausted', mode: 'any', otherModesPossible: ['single-loop', 'no-mutual'], outOfTime: true })).toMatch(
      /Possible instead: a single loop through everyone or a draw without mutual pairs\.$/,
    );
  });

  it('long lists are shortened', () => {
    expect(say({ kind: 'hall', givers: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], receivers: [10] })).toMatch(/Ann, Bob, Cy, Dee, Eve, Fay and 4 others can only give to Kim/);
  });

  it('explains a real infeasible draw by naming the household', () => {
    // Ann, Bob, Cy and Dee are one household in a group of six.
    const problem: MatchingProblem = { participants: [0, 1, 2, 3, 4, 5], rules: [{ kind: 'household', members: [0, 1, 2, 3] }], mode: 'any' };
    const result = solve(problem, { random: seededRandom(1) });
    if (result.ok) throw new Error('expected infeasible');
    expect(say(result.reason)).toMatch(/^(Ann|Bob|Cy|Dee), (Ann|Bob|Cy|Dee) and (Ann|Bob|Cy|Dee) can only give to Eve and Fay/);
  });
});

describe('someone left with nobody: the message names the real cause', () => {
  const explain = (problem: MatchingProblem): string => {
    const result = solve(problem, { random: seededRandom(1) });
    if (result.ok) throw new Error('expected infeasible');
    return say(result.reason);
  };

  it('two people set to draw each other, no exclusions at all: the third is told about them, not about exclusions', () => {
    const rules: MatchingRule[] = [
      { kind: 'must-draw', giver: 0, receiver: 1 },
      { kind: 'must-draw', giver: 1, receiver: 0 },
    ];
    expect(explain({ participants: [0, 1, 2], mode: 'any', rules })).toBe('Cy has nobody left to give to: Bob and Ann are set to draw each other.');
  });

  it("the only people someone may give to are others' must-draws", () => {
    const bobOnlyCy: MatchingRule[] = [
      { kind: 'exclude', giver: 1, receiver: 0 },
      { kind: 'exclude', giver: 1, receiver: 3 },
    ];
    const annDrawsCy: MatchingRule = { kind: 'must-draw', giver: 0, receiver: 2 };
    expect(explain({ participants: [0, 1, 2, 3], mode: 'any', rules: [...bobOnlyCy, annDrawsCy] })).toBe('Bob can only give to Cy, but Ann is set to draw Cy.');
    const eveDrawsDee: MatchingRule = { kind: 'must-draw', giver: 4, receiver: 3 };
    const fivePeople: MatchingRule[] = [{ kind: 'exclude', giver: 1, receiver: 0 }, { kind: 'exclude', giver: 1, receiver: 4 }, annDrawsCy, eveDrawsDee];
    expect(explain({ participants: [0, 1, 2, 3, 4], mode: 'any', rules: fivePeople })).toBe('Bob can only give to Cy and Dee, but Ann and Eve are set to draw them.');
  });

  it('the only people who may give to someone are set to draw others', () => {
    const rules: MatchingRule[] = [
      { kind: 'exclude', giver: 0, receiver: 2 },
      { kind: 'exclude', giver: 3, receiver: 2 },
      { kind: 'must-draw', giver: 1, receiver: 3 },
    ];
    const result = solve({ participants: [0, 1, 2, 3], mode: 'any', rules }, { random: seededRandom(1) });
    if (result.ok) throw new Error('expected infeasible');
    expect(say(result.reason)).toBe('Cy can only be drawn by Bob, but Bob is set to draw Dee.');
    expect(result.reason).toMatchObject({ kind: 'must-draw-conflict', pairs: [[1, 3]] });
  });

  it('earlier pairs, not exclusions, took the last options', () => {
    const bobNotAnn: MatchingRule = { kind: 'exclude', giver: 1, receiver: 0 };
    const drewBefore: MatchingProblem = {
      participants: [0, 1, 2, 3],
      mode: 'any',
      rules: [bobNotAnn],
      history: [
        [1, 2],
        [1, 3],
      ],
    };
    expect(explain(drewBefore)).toBe(
      'Bob has nobody left to give to: by the rules Bob may give only to Cy and Dee, and drew each of them in an earlier exchange (earlier pairs are avoided).',
    );
    const onlyDee: MatchingRule[] = [
      { kind: 'exclude', giver: 0, receiver: 1 },
      { kind: 'exclude', giver: 2, receiver: 1 },
    ];
    expect(explain({ participants: [0, 1, 2, 3], mode: 'any', rules: onlyDee, history: [[3, 1]] })).toBe(
      'Nobody is left to give to Bob: by the rules only Dee may, and that person drew Bob in an earlier exchange (earlier pairs are avoided).',
    );
  });

  it('real exclusions are still named as such', () => {
    const rules: MatchingRule[] = [{ kind: 'exclude-many', giver: 0, receivers: [1, 2] }];
    expect(explain({ participants: [0, 1, 2], mode: 'any', rules })).toBe('Ann has nobody to give to: every other person is excluded.');
  });
});
