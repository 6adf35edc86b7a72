import type { MessageKey, Translator } from '@i18n';
import type { ExchangeState } from './format';
import { currentT } from './i18n';

export type ExchangeAction = 'open' | 'unpublish' | 'close' | 'reopen' | 'draw' | 'undo-draw' | 'complete' | 'cancel';

export interface ActionCopy {
  label: string;
  tone: 'primary' | 'plain' | 'danger';
  title: string;
  body: string;
  confirm: string;
  /** The button that backs out, when "Go back" would not say enough. */
  keep?: string;
  /** Said after it worked. */
  done: string;
}

type Words = 'label' | 'title' | 'body' | 'confirm' | 'done' | 'keep';

/** Each action's tone, and the catalogue keys of its words (`parts.action.<name>.<word>`). */
const ACTIONS: Record<ExchangeAction, { name: string; tone: ActionCopy['tone']; keep?: true }> = {
  open: { name: 'open', tone: 'primary' },
  unpublish: { name: 'unpublish', tone: 'plain' },
  close: { name: 'close', tone: 'primary' },
  reopen: { name: 'reopen', tone: 'plain' },
  draw: { name: 'draw', tone: 'primary' },
  'undo-draw': { name: 'undoDraw', tone: 'plain', keep: true },
  complete: { name: 'complete', tone: 'plain' },
  cancel: { name: 'cancel', tone: 'danger', keep: true },
};

/** Button label and the confirmation question for a state action, in the organizer's language. */
export function actionCopy(action: ExchangeAction, t: Translator = currentT()): ActionCopy {
  const { name, tone, keep } = ACTIONS[action];
  const word = (w: Words) => t.t(`parts.action.${name}.${w}` as MessageKey);
  return { label: word('label'), tone, title: word('title'), body: word('body'), confirm: word('confirm'), done: word('done'), ...(keep && { keep: word('keep') }) };
}

/**
 * The same, indexed by action (`ACTION_COPY.cancel.done`), for callers outside React: each entry
 * is worded when read, so it follows a change of language.
 */
export const ACTION_COPY: Readonly<Record<ExchangeAction, ActionCopy>> = Object.defineProperties(
  {} as Record<ExchangeAction, ActionCopy>,
  Object.fromEntries((Object.keys(ACTIONS) as ExchangeAction[]).map((action) => [action, { enumerable: true, get: () => actionCopy(action) }])),
);

export function isKnownAction(action: string): action is ExchangeAction {
  return Object.hasOwn(ACTIONS, action);
}

/** The sentence that tells a first-time organizer what to do next in this state. */
export function nextStep(state: ExchangeState, participantCount: number, t: Translator = currentT()): { title: string; text: string } {
  const step = (name: string) => ({ title: t.t(`parts.next.${name}.title` as MessageKey), text: t.t(`parts.next.${name}.text` as MessageKey) });
  switch (state) {
    case 'draft':
      return step(participantCount < 3 ? 'addPeople' : 'openOrDraw');
    case 'registration_open':
      return step('share');
    case 'registration_closed':
      return step('checkThenDraw');
    case 'matched':
      return step('drawn');
    case 'completed':
      return step('over');
    case 'cancelled':
      return step('cancelled');
  }
}
