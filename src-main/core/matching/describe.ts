import type { InfeasibleReason, MatchMode } from './types';

const MAX_NAMES = 8;

const MODE_NAMES: Record<MatchMode, string> = {
  'single-loop': 'a single loop',
  'no-mutual': 'no mutual pairs',
  any: 'any draw',
};

/** "Ann", "Ann and Bob", "Ann, Bob and Cy", long lists cut to "Ann, Bob, … and 12 others". */
export function joinNames(names: readonly string[]): string {
  if (names.length === 0) return 'nobody';
  if (names.length > MAX_NAMES) {
    const shown = names.slice(0, MAX_NAMES - 2);
    return `${shown.join(', ')} and ${names.length - shown.length} others`;
  }
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}

/** Why a group of `min` is the least for k giftees each (the minimum tells the mode apart). */
function tooFewWhy(min: number, k: number): string {
  if (min === 2 * k + 1) return `(${k} giftees and ${k} other people giving to each person, as nobody may draw the person who draws them)`;
  if (min === k + 1) return `(each person gives to ${k} other people)`;
  return `(${k} loops through everyone that share no pair)`;
}

/** "Ann and Bob must give 4 gifts (2 each) but may only give to Cy and Dee, who can take 3 of them." */
function describeShortOfGiftees(givers: string[], receivers: string[], gifts: { each: number; need: number; capacity: number }): string {
  const who = joinNames(givers);
  const verb = givers.length === 1 ? 'needs' : 'need';
  const per = givers.length === 1 ? '' : ` (${gifts.each} each)`;
  if (receivers.length === 0) return `${who} ${verb} ${gifts.need} ${gifts.need === 1 ? 'giftee' : 'giftees'}${per} but may give to nobody.`;
  return `${who} ${verb} ${gifts.need} ${gifts.need === 1 ? 'giftee' : 'giftees'}${per} but may only give to ${joinNames(receivers)}, who can take ${gifts.capacity} of them.`;
}

/** A readable sentence naming the people who make the draw impossible. */
export function describeReason(reason: InfeasibleReason, nameOf: (id: number) => string): string {
  const list = (ids: readonly number[]): string => joinNames(ids.map(nameOf));
  switch (reason.kind) {
    case 'too-few': {
      const min = reason.minimum ?? 2;
      const who =
        reason.participantIds.length === 0 ? 'nobody is taking part' : `only ${list(reason.participantIds)} ${reason.participantIds.length === 1 ? 'is' : 'are'} taking part`;
      const k = reason.giftsPerPerson ?? 1;
      if (k > 1) return `At least ${min} people are needed for ${k} giftees each ${tooFewWhy(min, k)}; ${who}.`;
      const extra = min > 2 ? ' when nobody may draw the person who draws them' : '';
      return `At least ${min} people are needed to draw names${extra}; ${who}.`;
    }
    case 'nobody-to-give-to':
      return `${nameOf(reason.giver)} has nobody to give to: every other person is excluded.`;
    case 'nobody-to-receive-from':
      return `Nobody may give to ${nameOf(reason.receiver)}: every other person is excluded.`;
    case 'hall':
      if (reason.gifts !== undefined) return describeShortOfGiftees(reason.givers.map(nameOf), reason.receivers.map(nameOf), reason.gifts);
      if (reason.side === 'receivers') {
        return reason.givers.length === 0
          ? `Nobody may give to ${list(reason.receivers)}.`
          : `${list(reason.receivers)} can only be drawn by ${list(reason.givers)}: ${reason.receivers.length} people need a giver but only ${reason.givers.length} may give to them.`;
      }
      return reason.receivers.length === 0
        ? `${list(reason.givers)} have nobody to give to.`
        : `${list(reason.givers)} can only give to ${list(reason.receivers)}: ${reason.givers.length} givers share ${reason.receivers.length} possible ${reason.receivers.length === 1 ? 'person' : 'people'}.`;
    case 'must-draw-conflict':
      return describeMustDraw(reason.detail, reason.participantIds.map(nameOf));
    case 'no-single-loop': {
      const fallback = reason.coverExists ? ' A draw without a single loop is possible.' : '';
      if (reason.loops !== undefined && reason.loops > 1 && reason.groups.length <= 1) {
        return `No ${reason.loops} loops through everyone that share no pair fit these rules (every arrangement was checked).${fallback}`;
      }
      if (reason.groups.length <= 1) {
        return `No single loop through everyone fits these rules (every arrangement was checked).${fallback}`;
      }
      const shown = reason.groups.slice(0, 4).map((grp) => `(${list(grp)})`);
      const more = reason.groups.length > 4 ? ` and ${reason.groups.length - 4} more groups` : '';
      return `A single loop is impossible: the rules split people into groups that cannot all be joined in one loop: ${shown.join(', ')}${more}.${fallback}`;
    }
    case 'no-mutual-impossible':
      return reason.participantIds.length === 2
        ? `${list(reason.participantIds)} can only draw each other, so a draw without mutual pairs is impossible.`
        : `${list(reason.participantIds)} cannot be matched among themselves without two of them drawing each other.`;
    case 'budget-exhausted': {
      const others = reason.otherModesPossible.map((m) => MODE_NAMES[m]);
      const hint = others.length > 0 ? ` A draw with ${others.join(' or ')} is possible.` : '';
      return `No draw with ${MODE_NAMES[reason.mode]} was found within the time allowed; the rules may make it impossible.${hint}`;
    }
    default: {
      const never: never = reason;
      return `The draw is impossible (${JSON.stringify(never)}).`;
    }
  }
}

function describeMustDraw(detail: string, names: string[]): string {
  const [a = '?', b = '?', c = '?'] = names;
  switch (detail) {
    case 'self':
      return `${a} is set to draw themselves.`;
    case 'two-receivers':
      return `${a} is set to draw both ${b} and ${c}.`;
    case 'two-givers':
      return `${a} and ${b} are both set to draw ${c}.`;
    case 'excluded':
      return `${a} is set to draw ${b}, but that pair is excluded.`;
    case 'closes-loop-early':
      return `The fixed pairs ${joinNames(names)} close a loop on their own, so a single loop through everyone is impossible.`;
    case 'mutual':
      return `${a} and ${b} are set to draw each other, but mutual pairs are not allowed.`;
    case 'too-many-receivers':
      return `${a} is set to draw ${joinNames(names.slice(1))}: more giftees than each person has.`;
    case 'too-many-givers':
      return `${joinNames(names.slice(0, -1))} are all set to draw ${names[names.length - 1] ?? '?'}: more givers than each person has.`;
    default:
      return `The fixed pairs for ${joinNames(names)} contradict each other.`;
  }
}
