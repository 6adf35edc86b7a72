import type { OperationOutput } from '@contract';
import type { Translator } from '@i18n';
import { currentT } from './i18n';

/** What the screen tells the organizer after invitations were queued (in the organizer's language). */
export function invitedText(result: OperationOutput<'participants.invite'>, t: Translator = currentT()): string {
  const sentences = [result.invited === 0 ? t.t('parts.invite.nobodyLeft') : t.t('parts.invite.invited', { count: result.invited })];
  if (result.alreadyInvited > 0) sentences.push(t.t('parts.invite.leftOut', { count: result.alreadyInvited }));
  if (result.invited > 0 && !result.smtpConfigured) sentences.push(t.t('parts.invite.noMail'));
  return sentences.join(' ');
}
