import { translator, type Locale } from '../../i18n';
import { oneLine, subjectFor } from './format';
import { severalGifteesBlocks, type Giftee } from './giftees';
import { exchangeDetails, greeting, participantFooter, renderEmail, richParts } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface ReminderEmailInput {
  /** The reader's language. */
  locale: Locale;
  exchange: ExchangeInfo;
  participantName: string;
  receiverName: string;
  /** The giftee's ideas as they are now, which may have changed since the draw. */
  receiverGiftIdeas: string;
  /** With several giftees each: all of them in round order (the first is `receiverName`). */
  giftees?: ReadonlyArray<Giftee>;
  /**
   * Calendar days from the day of sending to the exchange's day, in its zone (0: today, when the
   * email names the time; 1: tomorrow). See `daysUntil` in services/mail.
   */
  daysLeft: number;
  link: string;
}

/** "N days to go", with the giftee's current ideas so it is useful on its own. */
export function reminderEmail(input: ReminderEmailInput): RenderedEmail {
  const t = translator(input.locale);
  const { exchange } = input;
  const when = t.t('mail.reminder.when', { days: Math.max(0, input.daysLeft), time: t.time(exchange.exchangeAt, exchange.timezone) });
  const receiver = oneLine(input.receiverName);
  const empty = t.t('mail.reminder.noIdeas');
  return renderEmail(
    {
      subject: subjectFor(t, exchange.name, 'mail.reminder.subject', { when }),
      preheader: t.t('mail.reminder.preheader', { when }),
      blocks: [
        greeting(t, input.participantName),
        { kind: 'para', parts: richParts(t, 'mail.reminder.intro', { exchange: oneLine(exchange.name), when }) },
        ...(input.giftees !== undefined && input.giftees.length > 1
          ? severalGifteesBlocks(t, input.giftees, t.t('mail.match.giftees'), empty, 'latest')
          : [
              { kind: 'highlight' as const, label: t.t('mail.match.santaFor'), value: receiver },
              { kind: 'multiline' as const, label: t.t('mail.giftee.latestIdeas', { name: receiver }), value: input.receiverGiftIdeas, empty },
            ]),
        exchangeDetails(exchange, t),
        { kind: 'button', label: t.t('mail.openMyPage'), url: input.link },
        { kind: 'small', parts: [t.t('mail.reminder.turnOff')] },
      ],
      footer: participantFooter(exchange, t),
    },
    t,
  );
}
