import { describe, expect, it } from 'vitest';
import { describeReason, solve, type InfeasibleReason, type MatchingProblem } from '../../../../src-main/core/matching';
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
