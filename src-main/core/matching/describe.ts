import { translator, type MessageKey, type Translator } from '../../i18n';
import type { InfeasibleReason, MatchMode } from './types';

const MAX_NAMES = 8;

/** Noun phrases for a list of other modes ("Possible instead: a single loop through everyone or …"). */
const MODE_NAMES: Record<MatchMode, MessageKey> = {
  'single-loop': 'error.reason.mode.singleLoop',
  'no-mutual': 'error.reason.mode.noMutual',
  any: 'error.reason.mode.any',
};

/** ICU select keys cannot hold hyphens; each language words "no … was found" per mode itself. */
const MODE_SELECT: Record<MatchMode, string> = { 'single-loop': 'singleLoop', 'no-mutual': 'noMutual', any: 'any' };

/** "Ann", "Ann and Bob", "Ann, Bob and Cy", long lists cut to "Ann, Bob, … and 12 others": in the reader's language. */
export function joinNames(names: readonly string[], t: Translator = translator('en')): string {
  if (names.length === 0) return t.t('error.reason.nobody');
  if (names.length > MAX_NAMES) {
    const shown = names.slice(0, MAX_NAMES - 2);
    return t.t('error.reason.namesAndOthers', { names: shown.join(', '), count: names.length - shown.length });
  }
  return t.list(names);
}

/** Why a group of `min` is the least for k giftees each (the minimum tells the mode apart). */
function tooFewWhy(min: number, k: number): string {
  if (min === 2 * k + 1) return 'noMutual';
  if (min === k + 1) return 'each';
  return 'loops';
}

/**
 * A readable sentence naming the people who make the draw impossible, in the reader's language
 * (`t`; English by default, for logs and the draw script).
 */
export function describeReason(reason: InfeasibleReason, nameOf: (id: number) => string, t: Translator = translator('en')): string {
  const list = (ids: readonly number[]): string => joinNames(ids.map(nameOf), t);
  switch (reason.kind) {
    case 'too-few': {
      const min = reason.minimum ?? 2;
      const who = { count: reason.participantIds.length, names: list(reason.participantIds) };
      const k = reason.giftsPerPerson ?? 1;
      if (k > 1) return t.t('error.reason.tooFewGifts', { min, k, why: tooFewWhy(min, k), ...who });
      return t.t('error.reason.tooFew', { min, noMutual: min > 2 ? 'yes' : 'no', ...who });
    }
    case 'nobody-to-give-to': {
      const name = nameOf(reason.giver);
      const before = reason.drawnBefore;
      if (before === undefined) return t.t('error.reason.nobodyToGiveTo', { name });
      return t.t('error.reason.nobodyToGiveToDrawnBefore', { name, receivers: list(before), count: before.length });
    }
    case 'nobody-to-receive-from': {
      const name = nameOf(reason.receiver);
      const before = reason.drawnBefore;
      if (before === undefined) return t.t('error.reason.nobodyToReceiveFrom', { name });
      return t.t('error.reason.nobodyToReceiveFromDrawnBefore', { name, givers: list(before), count: before.length });
    }
    case 'hall': {
      const givers = list(reason.givers);
      const receivers = list(reason.receivers);
      if (reason.gifts !== undefined) {
        const values = { givers, receivers, count: reason.givers.length, need: reason.gifts.need, each: reason.gifts.each, capacity: reason.gifts.capacity };
        return reason.receivers.length === 0 ? t.t('error.reason.shortOfGifteesNobody', values) : t.t('error.reason.shortOfGiftees', values);
      }
      const values = { givers, receivers, giverCount: reason.givers.length, receiverCount: reason.receivers.length };
      if (reason.side === 'receivers') {
        return reason.givers.length === 0 ? t.t('error.reason.nobodyMayGiveTo', values) : t.t('error.reason.onlyDrawnBy', values);
      }
      return reason.receivers.length === 0 ? t.t('error.reason.nobodyToGiveToAll', values) : t.t('error.reason.onlyGiveTo', values);
    }
    case 'must-draw-conflict':
      if (reason.pairs !== undefined && (reason.detail === 'leaves-no-receiver' || reason.detail === 'leaves-no-giver')) {
        return describeMustDrawInTheWay(reason.detail, nameOf(reason.participantIds[0]!), reason.pairs, nameOf, t);
      }
      return describeMustDraw(reason.detail, reason.participantIds.map(nameOf), t);
    case 'no-single-loop': {
      const fallback = reason.coverExists ? 'yes' : 'no';
      if (reason.loops !== undefined && reason.loops > 1 && reason.groups.length <= 1) return t.t('error.reason.noLoops', { loops: reason.loops, fallback });
      if (reason.groups.length <= 1) return t.t('error.reason.noSingleLoop', { fallback });
      const groups = reason.groups
        .slice(0, 4)
        .map((grp) => `(${list(grp)})`)
        .join(', ');
      return t.t('error.reason.loopGroups', { groups, more: Math.max(0, reason.groups.length - 4), fallback });
    }
    case 'no-mutual-impossible':
      return t.t(reason.participantIds.length === 2 ? 'error.reason.onlyEachOther' : 'error.reason.mutualAmong', { names: list(reason.participantIds) });
    case 'budget-exhausted': {
      const others = t.list(
        reason.otherModesPossible.map((m) => t.t(MODE_NAMES[m])),
        'disjunction',
      );
      return t.t('error.reason.budget', {
        mode: MODE_SELECT[reason.mode],
        others,
        hint: reason.otherModesPossible.length > 0 ? 'yes' : 'no',
        outOfTime: reason.outOfTime === false ? 'no' : 'yes',
      });
    }
    default: {
      const never: never = reason;
      return t.t('error.reason.unknown', { detail: JSON.stringify(never) });
    }
  }
}

/** "Bob can only give to Cy, but Ann is set to draw Cy"; two people set to draw each other are said so. */
function describeMustDrawInTheWay(
  detail: 'leaves-no-receiver' | 'leaves-no-giver',
  name: string,
  pairs: ReadonlyArray<readonly [number, number]>,
  nameOf: (id: number) => string,
  t: Translator,
): string {
  const [first, second] = pairs;
  if (pairs.length === 2 && first![0] === second![1] && first![1] === second![0]) {
    const values = { name, a: nameOf(first![0]), b: nameOf(first![1]) };
    return t.t(detail === 'leaves-no-receiver' ? 'error.reason.mustDraw.eachOtherLeaveNoReceiver' : 'error.reason.mustDraw.eachOtherLeaveNoGiver', values);
  }
  const values = {
    name,
    givers: joinNames(
      pairs.map(([a]) => nameOf(a)),
      t,
    ),
    receivers: joinNames(
      pairs.map(([, b]) => nameOf(b)),
      t,
    ),
    count: pairs.length,
  };
  return t.t(detail === 'leaves-no-receiver' ? 'error.reason.mustDraw.takeEveryReceiver' : 'error.reason.mustDraw.takeEveryGiver', values);
}

function describeMustDraw(detail: string, names: string[], t: Translator): string {
  const [a = '?', b = '?', c = '?'] = names;
  switch (detail) {
    case 'self':
      return t.t('error.reason.mustDraw.self', { a });
    case 'two-receivers':
      return t.t('error.reason.mustDraw.twoReceivers', { a, b, c });
    case 'two-givers':
      return t.t('error.reason.mustDraw.twoGivers', { a, b, c });
    case 'excluded':
      return t.t('error.reason.mustDraw.excluded', { a, b });
    case 'closes-loop-early':
      return t.t('error.reason.mustDraw.closesLoop', { names: joinNames(names, t) });
    case 'mutual':
      return t.t('error.reason.mustDraw.mutual', { a, b });
    case 'too-many-receivers':
      return t.t('error.reason.mustDraw.tooManyReceivers', { a, names: joinNames(names.slice(1), t) });
    case 'too-many-givers':
      return t.t('error.reason.mustDraw.tooManyGivers', { names: joinNames(names.slice(0, -1), t), last: names[names.length - 1] ?? '?' });
    default:
      return t.t('error.reason.mustDraw.contradict', { names: joinNames(names, t) });
  }
}
