import { oneLine, subjectFor } from './format';
import { participantFooter, renderEmail } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface PassOnLinkEmailInput {
  exchange: ExchangeInfo;
  /** Who reads this email and passes the link on. */
  delivererName: string;
  /** Who has no email of their own; the link opens their page. */
  recipientName: string;
  link: string;
}

/**
 * For someone without email: another participant is asked to hand over a link. The body never
 * names the giftee (the deliverer reads it); only the page behind the link does.
 */
export function passOnLinkEmail(input: PassOnLinkEmailInput): RenderedEmail {
  const recipient = oneLine(input.recipientName);
  const exchange = oneLine(input.exchange.name);
  return renderEmail({
    subject: subjectFor(input.exchange.name, `A Secret Santa link to pass on to ${recipient}`),
    preheader: `Names have been drawn for ${exchange}. Please give ${recipient} this link; it does not say whom they give to.`,
    blocks: [
      { kind: 'heading', text: `Hi ${oneLine(input.delivererName)},` },
      { kind: 'para', parts: ['Names have been drawn for ', { strong: exchange }, `. ${recipient} has no email address here, so the organizer asked you to pass a link on.`] },
      {
        kind: 'para',
        parts: [
          `Send it to ${recipient} by message, or open it on ${recipient}'s phone or computer when they are with you. The page behind it shows whom ${recipient} gives to, so please do not open it yourself.`,
        ],
      },
      { kind: 'button', label: `${recipient}'s page`, url: input.link },
      { kind: 'small', parts: [`This email does not say whom ${recipient} gives to. The link keeps working until the exchange is over.`] },
    ],
    footer: participantFooter(input.exchange),
  });
}
