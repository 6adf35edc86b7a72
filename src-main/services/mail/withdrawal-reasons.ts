import type { MessageKey, Translator } from '../../i18n';

/**
 * Why an email was withdrawn, as the outbox stored it (English, also for logs), in the organizer's
 * language: each reason the relay and the services write has its message. A reason not listed
 * (from an older version) is shown as stored.
 */
const REASONS: Readonly<Record<string, MessageKey>> = {
  'the draw was undone': 'mail.withdrawn.drawUndone',
  'the exchange is over': 'mail.withdrawn.exchangeOver',
  'the exchange is not drawn any more': 'mail.withdrawn.notDrawn',
  'a later update replaced it': 'mail.withdrawn.laterUpdate',
  'the participant turned reminders off': 'mail.withdrawn.remindersOff',
  'the participant has no match': 'mail.withdrawn.noMatch',
  'the message is gone': 'mail.withdrawn.messageGone',
  'the match email on its way already says it all': 'mail.withdrawn.matchSaysAll',
  'the match email on its way already has the new details': 'mail.withdrawn.matchHasDetails',
  'the exchange was already deleted': 'mail.withdrawn.exchangeDeleted',
  'the exchange is no longer finished': 'mail.withdrawn.noLongerFinished',
  'the exchange is no longer cancelled': 'mail.withdrawn.noLongerCancelled',
  'the exchange has already started': 'mail.withdrawn.started',
  'the conversation ended: the pair changed': 'mail.withdrawn.conversationEnded',
  'the Santas are not revealed (any more)': 'mail.withdrawn.santasHidden',
  'someone else passes the link on now': 'mail.withdrawn.someoneElsePasses',
  'nobody gave to this person': 'mail.withdrawn.nobodyGave',
  'nobody at this address takes part any more': 'mail.withdrawn.nobodyAtAddress',
  'names were drawn; the match email brings their link': 'mail.withdrawn.matchBringsLink',
  'everyone it listed was removed': 'mail.withdrawn.everyoneRemoved',
  'a newer link replaced it': 'mail.withdrawn.newerLink',
  'a newer draw replaced it': 'mail.withdrawn.newerDraw',
  'a match email or reminder went out less than 4 hours earlier': 'mail.withdrawn.quietHours',
  'a later reminder replaced it': 'mail.withdrawn.laterReminder',
  'a later notice replaced it': 'mail.withdrawn.laterNotice',
  'the exchange was cancelled': 'mail.withdrawn.cancelled',
  'the exchange was deleted': 'mail.withdrawn.deleted',
  'the participant was removed': 'mail.withdrawn.removed',
  'the participant left the exchange': 'mail.withdrawn.left',
  'their email address changed': 'mail.withdrawn.addressChanged',
  'the participant now learns their giftee another way': 'mail.withdrawn.anotherWay',
};

/** Every reason with its own words (for a test that finds each reason the code writes here). */
export const WORDED_REASONS: readonly string[] = Object.keys(REASONS);

export function withdrawalReasonText(reason: string | null, t: Translator): string | null {
  if (reason === null) return null;
  const key = REASONS[reason];
  return key ? t.t(key) : reason;
}
