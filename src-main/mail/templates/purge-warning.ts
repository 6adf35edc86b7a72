import { translator, type Locale } from '../../i18n';
import { oneLine, subjectFor } from './format';
import { greeting, renderEmail, richParts } from './layout';
import { hintBlocks, organizerFooter } from './organizer-notices';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface PurgeWarningEmailInput {
  /** The organizer's language. */
  locale: Locale;
  exchange: ExchangeInfo;
  organizerName: string;
  /** Epoch ms at which everything about the exchange is deleted. */
  purgeAt: number;
  /** The organizer's zone, in which the deletion moment is shown. */
  timezone: string;
  /** Where the organizer's screens are (headless: their address without the secret); null on the desktop. */
  adminHint?: string | null;
}

/** Sent once, a week before the exchange's data is deleted for good. */
export function purgeWarningEmail(input: PurgeWarningEmailInput): RenderedEmail {
  const t = translator(input.locale);
  const { exchange } = input;
  const when = t.dateTime(input.purgeAt, input.timezone);
  return renderEmail(
    {
      subject: subjectFor(t, exchange.name, 'mail.purge.subject', { day: t.date(input.purgeAt, input.timezone) }),
      preheader: t.t('mail.purge.preheader', { when }),
      blocks: [
        greeting(t, input.organizerName),
        { kind: 'para', parts: richParts(t, 'mail.purge.intro', { exchange: oneLine(exchange.name) }) },
        { kind: 'highlight', label: t.t('mail.purge.label'), value: when },
        { kind: 'para', parts: [t.t('mail.purge.nothingToDo')] },
        ...hintBlocks(t, input.adminHint),
      ],
      footer: organizerFooter(t, exchange.name),
    },
    t,
  );
}
