import { translator, type Locale } from '../../i18n';
import { oneLine, subjectFor } from './format';
import { greeting, participantFooter, renderEmail, richParts } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface PassOnLinkEmailInput {
  /** The reader's language (the deliverer's). */
  locale: Locale;
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
  const t = translator(input.locale);
  const recipient = oneLine(input.recipientName);
  const exchange = oneLine(input.exchange.name);
  return renderEmail(
    {
      subject: subjectFor(t, input.exchange.name, 'mail.passOn.subject', { recipient }),
      preheader: t.t('mail.passOn.preheader', { exchange, recipient }),
      blocks: [
        greeting(t, input.delivererName),
        { kind: 'para', parts: richParts(t, 'mail.passOn.intro', { exchange, recipient }) },
        { kind: 'para', parts: [t.t('mail.passOn.how', { recipient })] },
        { kind: 'button', label: t.t('mail.passOn.button', { recipient }), url: input.link },
        { kind: 'small', parts: [t.t('mail.passOn.secret', { recipient })] },
      ],
      footer: participantFooter(input.exchange, t),
    },
    t,
  );
}
