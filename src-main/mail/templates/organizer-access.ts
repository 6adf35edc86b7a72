import { translator, type Locale, type Translator } from '../../i18n';
import { subjectFor } from './format';
import { greeting, participantFooter, renderEmail } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

/** What the organizer chose to do that showed (or can show) whom this participant gives to. */
export type OrganizerAccessAction = 'personal-link' | 'reveal' | 'private-email' | 'printed-card';

export interface OrganizerAccessNoticeInput {
  /** The reader's language. */
  locale: Locale;
  exchange: ExchangeInfo;
  participantName: string;
  action: OrganizerAccessAction;
  /** Epoch ms, UTC; shown in the exchange's zone. */
  at: number;
}

const SENTENCES = {
  'personal-link': 'mail.access.personalLink',
  reveal: 'mail.access.reveal',
  'private-email': 'mail.access.privateEmail',
  'printed-card': 'mail.access.printedCard',
} as const satisfies Record<OrganizerAccessAction, string>;

/**
 * What the organizer did, and when (`when` already worded as a date and time in the reader's
 * language). The participant's page says it in its own words (`page.me.access.*`).
 */
function organizerAccessSentence(action: OrganizerAccessAction, when: string, t: Translator): string {
  return t.t(SENTENCES[action], { when });
}

/**
 * Tells a participant the organizer looked behind the curtain. Nobody can do it silently: the
 * organizer confirmed it, it is recorded, and the person it concerns hears of it.
 */
export function organizerAccessNotice(input: OrganizerAccessNoticeInput): RenderedEmail {
  const t = translator(input.locale);
  const sentence = organizerAccessSentence(input.action, t.dateTime(input.at, input.exchange.timezone), t);
  return renderEmail(
    {
      subject: subjectFor(t, input.exchange.name, 'mail.access.subject'),
      preheader: sentence,
      blocks: [greeting(t, input.participantName), { kind: 'para', parts: [sentence] }, { kind: 'small', parts: [t.t('mail.access.why')] }],
      footer: participantFooter(input.exchange, t),
    },
    t,
  );
}
