import { translator, type Locale } from '../../i18n';
import { exchangeIcsAttachment } from '../ics';
import { oneLine, subjectFor } from './format';
import { exchangeDetails, greeting, participantFooter, renderEmail, richParts } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

/*
 * Short, kind notices to people who were already told something that is no longer true. None of
 * them names a giftee: the new match (if any) follows in its own email.
 */

export interface ChangeNoticeInput {
  /** The reader's language. */
  locale: Locale;
  exchange: ExchangeInfo;
  participantName: string;
  link: string;
  /** Calendar UID of this person's event (the one their match email carried). */
  uid: string;
  sequence: number;
  sentAt: number;
}

/** After "undo draw" once match emails went out: forget the earlier name, a new draw follows. */
export function drawCancelledEmail(input: Omit<ChangeNoticeInput, 'uid' | 'sequence' | 'sentAt'>): RenderedEmail {
  const t = translator(input.locale);
  const { exchange } = input;
  return renderEmail(
    {
      subject: subjectFor(t, exchange.name, 'mail.drawCancelled.subject'),
      preheader: t.t('mail.drawCancelled.preheader'),
      blocks: [
        greeting(t, input.participantName),
        { kind: 'para', parts: richParts(t, 'mail.drawCancelled.intro', { exchange: oneLine(exchange.name) }) },
        { kind: 'para', parts: [t.t('mail.drawCancelled.sorry')] },
        { kind: 'button', label: t.t('mail.openMyPage'), url: input.link },
      ],
      footer: participantFooter(exchange, t),
    },
    t,
  );
}

/** The date, time or place moved after the draw: the calendar file moves the event (same UID). */
export function exchangeUpdatedEmail(input: ChangeNoticeInput): RenderedEmail {
  const t = translator(input.locale);
  const { exchange } = input;
  return renderEmail(
    {
      subject: subjectFor(t, exchange.name, 'mail.updated.subject'),
      preheader: t.t('mail.updated.preheader'),
      blocks: [
        greeting(t, input.participantName),
        { kind: 'para', parts: richParts(t, 'mail.updated.intro', { exchange: oneLine(exchange.name) }) },
        exchangeDetails(exchange, t),
        { kind: 'small', parts: [t.t('mail.updated.calendar')] },
        { kind: 'button', label: t.t('mail.openMyPage'), url: input.link },
      ],
      footer: participantFooter(exchange, t),
      attachments: [exchangeIcsAttachment({ locale: input.locale, exchange, uid: input.uid, sequence: input.sequence, stampAt: input.sentAt })],
    },
    t,
  );
}

/** The exchange was called off: nothing more is sent, and the calendar event is removed. */
export function exchangeCancelledEmail(input: Omit<ChangeNoticeInput, 'link'>): RenderedEmail {
  const t = translator(input.locale);
  const { exchange } = input;
  return renderEmail(
    {
      subject: subjectFor(t, exchange.name, 'mail.cancelled.subject'),
      preheader: t.t('mail.cancelled.preheader'),
      blocks: [
        greeting(t, input.participantName),
        { kind: 'para', parts: richParts(t, 'mail.cancelled.intro', { exchange: oneLine(exchange.name) }) },
        { kind: 'small', parts: [t.t('mail.cancelled.calendar')] },
      ],
      footer: participantFooter(exchange, t),
      attachments: [exchangeIcsAttachment({ locale: input.locale, exchange, uid: input.uid, sequence: input.sequence, stampAt: input.sentAt, method: 'CANCEL' })],
    },
    t,
  );
}
