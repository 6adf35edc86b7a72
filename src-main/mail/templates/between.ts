import { oneLine, subjectFor } from './format';
import { participantFooter, renderEmail } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface NewMessageEmailInput {
  exchange: ExchangeInfo;
  link: string;
}

/**
 * "You have a new message": no text of the message and no name at all (not even the reader's),
 * so nobody reading over a shoulder or a lock screen learns who writes to whom.
 */
export function newMessageEmail(input: NewMessageEmailInput): RenderedEmail {
  const { exchange } = input;
  return renderEmail({
    subject: subjectFor(exchange.name, 'you have a new message'),
    preheader: `You have a new message in ${oneLine(exchange.name)}.`,
    blocks: [
      { kind: 'heading', text: 'Hello,' },
      { kind: 'para', parts: ['You have a new message in ', { strong: oneLine(exchange.name) }, '.'] },
      { kind: 'para', parts: ['Open your page to read it and to reply.'] },
      { kind: 'button', label: 'Read the message', url: input.link },
    ],
    footer: participantFooter(exchange),
  });
}

export interface SantaRevealEmailInput {
  exchange: ExchangeInfo;
  participantName: string;
  /** Everyone who gave to this person (one, or several with several giftees per person). */
  santaNames: string[];
  link: string;
}

/** After the party: who was this person's Secret Santa. */
export function santaRevealEmail(input: SantaRevealEmailInput): RenderedEmail {
  const { exchange } = input;
  const names = input.santaNames.map(oneLine);
  return renderEmail({
    subject: subjectFor(exchange.name, 'who was your Secret Santa?'),
    preheader: 'The secret is out: open this to see who gave you a gift.',
    blocks: [
      { kind: 'heading', text: `Hi ${oneLine(input.participantName)},` },
      { kind: 'para', parts: [oneLine(exchange.name), ' is over, and the secret can come out.'] },
      { kind: 'highlight', label: names.length > 1 ? 'Your Secret Santas were' : 'Your Secret Santa was', value: names.join(', ') },
      { kind: 'button', label: 'Open my page', url: input.link },
    ],
    footer: participantFooter(exchange),
  });
}
