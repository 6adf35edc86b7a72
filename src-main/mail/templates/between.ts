import { translator, type Locale } from '../../i18n';
import { oneLine, subjectFor } from './format';
import { greeting, participantFooter, renderEmail, richParts } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface NewMessageEmailInput {
  /** The reader's language. */
  locale: Locale;
  exchange: ExchangeInfo;
  link: string;
}

/**
 * "You have a new message": no text of the message and no name at all (not even the reader's),
 * so nobody reading over a shoulder or a lock screen learns who writes to whom.
 */
export function newMessageEmail(input: NewMessageEmailInput): RenderedEmail {
  const t = translator(input.locale);
  const { exchange } = input;
  return renderEmail(
    {
      subject: subjectFor(t, exchange.name, 'mail.between.subject'),
      preheader: t.t('mail.between.preheader', { exchange: oneLine(exchange.name) }),
      blocks: [
        { kind: 'heading', text: t.t('mail.hello') },
        { kind: 'para', parts: richParts(t, 'mail.between.intro', { exchange: oneLine(exchange.name) }) },
        { kind: 'para', parts: [t.t('mail.between.open')] },
        { kind: 'button', label: t.t('mail.between.button'), url: input.link },
      ],
      footer: participantFooter(exchange, t),
    },
    t,
  );
}

export interface SantaRevealEmailInput {
  /** The reader's language. */
  locale: Locale;
  exchange: ExchangeInfo;
  participantName: string;
  /** Everyone who gave to this person (one, or several with several giftees per person). */
  santaNames: string[];
  link: string;
}

/** After the party: who was this person's Secret Santa. */
export function santaRevealEmail(input: SantaRevealEmailInput): RenderedEmail {
  const t = translator(input.locale);
  const { exchange } = input;
  const names = input.santaNames.map(oneLine);
  return renderEmail(
    {
      subject: subjectFor(t, exchange.name, 'mail.reveal.subject'),
      preheader: t.t('mail.reveal.preheader'),
      blocks: [
        greeting(t, input.participantName),
        { kind: 'para', parts: [t.t('mail.reveal.intro', { exchange: oneLine(exchange.name) })] },
        { kind: 'highlight', label: t.t('mail.reveal.label', { count: names.length }), value: t.list(names) },
        { kind: 'button', label: t.t('mail.openMyPage'), url: input.link },
      ],
      footer: participantFooter(exchange, t),
    },
    t,
  );
}
