import { translator, type Locale, type Translator } from '../../i18n';
import { exchangeIcsAttachment } from '../ics';
import { oneLine, subjectFor } from './format';
import { severalGifteesBlocks, type Giftee } from './giftees';
import { exchangeDetails, greeting, participantFooter, renderEmail, richParts, type Block } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface MatchEmailInput {
  /** The reader's language (the giver's). */
  locale: Locale;
  exchange: ExchangeInfo;
  giverName: string;
  receiverName: string;
  receiverGiftIdeas: string;
  /** With several giftees each: all of them in round order (the first is `receiverName`). */
  giftees?: ReadonlyArray<Giftee>;
  /** The giftee's postal address, only when they allowed it in this email. */
  receiverAddress?: string | null;
  link: string;
  /** Calendar UID, stable per exchange + participant. */
  uid: string;
  /** Epoch ms used as the calendar's DTSTAMP; see exchangeIcs. */
  sentAt?: number;
  /** Calendar SEQUENCE: raised when the exchange moved, so the attached event replaces the old one. */
  sequence?: number;
}

/**
 * Everything needed to shop is in the mail itself (giftee, ideas, budget, date, place): the
 * organizer's computer, which serves the page, may well be asleep when this is read.
 */
function gifteeBlocks(t: Translator, input: MatchEmailInput, changed: boolean): Block[] {
  const empty = t.t('mail.match.noIdeas');
  if (input.giftees !== undefined && input.giftees.length > 1) {
    return [...severalGifteesBlocks(t, input.giftees, t.t(changed ? 'mail.match.gifteesNow' : 'mail.match.giftees'), empty), exchangeDetails(input.exchange, t)];
  }
  const receiver = oneLine(input.receiverName);
  return [
    { kind: 'highlight', label: t.t(changed ? 'mail.match.santaForNow' : 'mail.match.santaFor'), value: receiver },
    { kind: 'multiline', label: t.t('mail.giftee.ideas', { name: receiver }), value: input.receiverGiftIdeas, empty },
    ...(input.receiverAddress ? [{ kind: 'multiline' as const, label: t.t('mail.giftee.address', { name: receiver }), value: input.receiverAddress, empty: '' }] : []),
    exchangeDetails(input.exchange, t),
  ];
}

function closingBlocks(t: Translator, input: MatchEmailInput): Block[] {
  return [
    { kind: 'para', parts: [t.t('mail.match.pageHint')] },
    { kind: 'button', label: t.t('mail.openMyPage'), url: input.link },
    { kind: 'small', parts: [t.t('mail.match.calendarSecret')] },
  ];
}

function organizerNote(t: Translator, exchange: ExchangeInfo): Block[] {
  if (!exchange.description.trim()) return [];
  return [{ kind: 'multiline', label: t.t('mail.fromOrganizer'), value: exchange.description, empty: '' }];
}

/** The draw result for one giver. Reveals their own giftee and nothing about anyone else. */
export function matchEmail(input: MatchEmailInput): RenderedEmail {
  const t = translator(input.locale);
  const { exchange } = input;
  return renderEmail(
    {
      subject: subjectFor(t, exchange.name, 'mail.match.subject'),
      preheader: t.t('mail.match.preheader'),
      blocks: [
        greeting(t, input.giverName),
        { kind: 'para', parts: richParts(t, 'mail.match.intro', { exchange: oneLine(exchange.name) }) },
        ...gifteeBlocks(t, input, false),
        ...organizerNote(t, exchange),
        ...closingBlocks(t, input),
      ],
      footer: participantFooter(exchange, t),
      attachments: [exchangeIcsAttachment({ locale: input.locale, exchange, uid: input.uid, ...stamp(input) })],
    },
    t,
  );
}

export type AssignmentChangedEmailInput = MatchEmailInput;

/** Sent after a late change (someone left or joined): the new giftee replaces the old one. */
export function assignmentChangedEmail(input: AssignmentChangedEmailInput): RenderedEmail {
  const t = translator(input.locale);
  const { exchange } = input;
  return renderEmail(
    {
      subject: subjectFor(t, exchange.name, 'mail.changed.subject'),
      preheader: t.t('mail.changed.preheader'),
      blocks: [
        greeting(t, input.giverName),
        { kind: 'para', parts: richParts(t, 'mail.changed.intro', { exchange: oneLine(exchange.name) }) },
        ...gifteeBlocks(t, input, true),
        ...closingBlocks(t, input),
      ],
      footer: participantFooter(exchange, t),
      attachments: [exchangeIcsAttachment({ locale: input.locale, exchange, uid: input.uid, ...stamp(input) })],
    },
    t,
  );
}

function stamp(input: MatchEmailInput): { stampAt?: number; sequence?: number } {
  return { ...(input.sentAt !== undefined && { stampAt: input.sentAt }), ...(input.sequence !== undefined && { sequence: input.sequence }) };
}
