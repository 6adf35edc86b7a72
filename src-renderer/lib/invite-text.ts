import type { OperationOutput } from '@contract';
import { plural } from './format';

/** What the screen says after invitations were queued. */
export function invitedText(result: OperationOutput<'participants.invite'>): string {
  const sentences = [
    result.invited === 0
      ? 'Nobody was left to invite.'
      : `Invited ${plural(result.invited, 'person', 'people')}: each gets a welcome email with their own link, to add gift ideas before the draw.`,
  ];
  if (result.alreadyInvited > 0) sentences.push(`${plural(result.alreadyInvited, 'person was', 'people were')} left out: invited before, or signed up themselves.`);
  if (result.invited > 0 && !result.smtpConfigured) {
    sentences.push('Mail is not set up yet, so the emails wait in the outbox as previews: copy their links from there, or set up mail in Settings to send them.');
  }
  return sentences.join(' ');
}
