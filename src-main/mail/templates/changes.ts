import { exchangeIcsAttachment } from '../ics';
import { oneLine, subjectFor } from './format';
import { exchangeDetails, participantFooter, renderEmail } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

/*
 * Short, kind notices to people who were already told something that is no longer true. None of
 * them names a giftee: the new match (if any) follows in its own email.
 */

export interface ChangeNoticeInput {
  exchange: ExchangeInfo;
  participantName: string;
  link: string;
  /** Calendar UID of this person's event (the one their match email carried). */
  uid: string;
  sequence: number;
  sentAt: number;
}

function hello(name: string) {
  return { kind: 'heading' as const, text: `Hi ${oneLine(name)},` };
}

/** After "undo draw" once match emails went out: forget the earlier name, a new draw follows. */
export function drawCancelledEmail(input: Omit<ChangeNoticeInput, 'uid' | 'sequence' | 'sentAt'>): RenderedEmail {
  const { exchange } = input;
  return renderEmail({
    subject: subjectFor(exchange.name, 'the draw was cancelled; a new one follows'),
    preheader: 'Please forget the name you drew. You will get a new one soon.',
    blocks: [
      hello(input.participantName),
      {
        kind: 'para',
        parts: [
          'The organizer cancelled the draw for ',
          { strong: oneLine(exchange.name) },
          '. Please forget the name you drew: a new draw follows, and you will get its result by email.',
        ],
      },
      { kind: 'para', parts: ['Sorry for the mix-up, and thank you for your patience!'] },
      { kind: 'button', label: 'Open my page', url: input.link },
    ],
    footer: participantFooter(exchange),
  });
}

/** The date, time or place moved after the draw: the calendar file moves the event (same UID). */
export function exchangeUpdatedEmail(input: ChangeNoticeInput): RenderedEmail {
  const { exchange } = input;
  return renderEmail({
    subject: subjectFor(exchange.name, 'new date, time or place'),
    preheader: 'The gift exchange has changed. Here are the new details.',
    blocks: [
      hello(input.participantName),
      { kind: 'para', parts: ['The organizer changed the details of ', { strong: oneLine(exchange.name) }, '. Your match stays the same. Here is what holds now:'] },
      exchangeDetails(exchange),
      { kind: 'small', parts: ['The attached calendar file updates the event in your calendar.'] },
      { kind: 'button', label: 'Open my page', url: input.link },
    ],
    footer: participantFooter(exchange),
    attachments: [exchangeIcsAttachment({ exchange, uid: input.uid, sequence: input.sequence, stampAt: input.sentAt })],
  });
}

/** The exchange was called off: nothing more is sent, and the calendar event is removed. */
export function exchangeCancelledEmail(input: Omit<ChangeNoticeInput, 'link'>): RenderedEmail {
  const { exchange } = input;
  return renderEmail({
    subject: subjectFor(exchange.name, 'the gift exchange is cancelled'),
    preheader: 'The gift exchange will not take place.',
    blocks: [
      hello(input.participantName),
      { kind: 'para', parts: ['The organizer cancelled ', { strong: oneLine(exchange.name) }, '. There is nothing more to do, and no more emails will follow.'] },
      { kind: 'small', parts: ['The attached calendar file removes the event from your calendar.'] },
    ],
    footer: participantFooter(exchange),
    attachments: [exchangeIcsAttachment({ exchange, uid: input.uid, sequence: input.sequence, stampAt: input.sentAt, method: 'CANCEL' })],
  });
}
