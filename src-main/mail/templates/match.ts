import { exchangeIcsAttachment } from '../ics';
import { oneLine, subjectFor } from './format';
import { severalGifteesBlocks, type Giftee } from './giftees';
import { exchangeDetails, participantFooter, renderEmail, type Block } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface MatchEmailInput {
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

const NO_IDEAS = 'No ideas yet. They may add some later: your page and your reminder emails will show them.';

/**
 * Everything needed to shop is in the mail itself (giftee, ideas, budget, date, place): the
 * organizer's computer, which serves the page, may well be asleep when this is read.
 */
function gifteeBlocks(input: MatchEmailInput, label: string): Block[] {
  if (input.giftees !== undefined && input.giftees.length > 1) {
    return [...severalGifteesBlocks(input.giftees, label === 'You are the Secret Santa for' ? 'Your giftees' : 'Your giftees now', NO_IDEAS), exchangeDetails(input.exchange)];
  }
  const receiver = oneLine(input.receiverName);
  return [
    { kind: 'highlight', label, value: receiver },
    { kind: 'multiline', label: `${receiver}'s gift ideas`, value: input.receiverGiftIdeas, empty: NO_IDEAS },
    ...(input.receiverAddress ? [{ kind: 'multiline' as const, label: `${receiver}'s address for the gift`, value: input.receiverAddress, empty: '' }] : []),
    exchangeDetails(input.exchange),
  ];
}

function closingBlocks(input: MatchEmailInput): Block[] {
  return [
    {
      kind: 'para',
      parts: ['On your page you can update your own gift ideas and see theirs as they change.'],
    },
    { kind: 'button', label: 'Open my page', url: input.link },
    { kind: 'small', parts: ['The date is attached as a calendar file. Shh… keep it secret!'] },
  ];
}

/** The draw result for one giver. Reveals their own giftee and nothing about anyone else. */
export function matchEmail(input: MatchEmailInput): RenderedEmail {
  const { exchange } = input;
  return renderEmail({
    subject: subjectFor(exchange.name, 'your Secret Santa match'),
    preheader: 'Names have been drawn! Open this when nobody is looking over your shoulder.',
    blocks: [
      { kind: 'heading', text: `Hi ${oneLine(input.giverName)},` },
      { kind: 'para', parts: ['Names have been drawn for ', { strong: oneLine(exchange.name) }, '!'] },
      ...gifteeBlocks(input, 'You are the Secret Santa for'),
      ...organizerNote(exchange),
      ...closingBlocks(input),
    ],
    footer: participantFooter(exchange),
    attachments: [exchangeIcsAttachment({ exchange, uid: input.uid, ...stamp(input) })],
  });
}

function organizerNote(exchange: ExchangeInfo): Block[] {
  if (!exchange.description.trim()) return [];
  return [{ kind: 'multiline', label: 'From the organizer', value: exchange.description, empty: '' }];
}

export type AssignmentChangedEmailInput = MatchEmailInput;

/** Sent after a late change (someone left or joined): the new giftee replaces the old one. */
export function assignmentChangedEmail(input: AssignmentChangedEmailInput): RenderedEmail {
  const { exchange } = input;
  return renderEmail({
    subject: subjectFor(exchange.name, 'your Secret Santa match has changed'),
    preheader: 'There was a change in the group, so you have a new giftee.',
    blocks: [
      { kind: 'heading', text: `Hi ${oneLine(input.giverName)},` },
      {
        kind: 'para',
        parts: ['There was a change in the group for ', { strong: oneLine(exchange.name) }, ', so your match has changed. Please forget the earlier one: this email replaces it.'],
      },
      ...gifteeBlocks(input, 'You are now the Secret Santa for'),
      ...closingBlocks(input),
    ],
    footer: participantFooter(exchange),
    attachments: [exchangeIcsAttachment({ exchange, uid: input.uid, ...stamp(input) })],
  });
}

function stamp(input: MatchEmailInput): { stampAt?: number; sequence?: number } {
  return { ...(input.sentAt !== undefined && { stampAt: input.sentAt }), ...(input.sequence !== undefined && { sequence: input.sequence }) };
}
