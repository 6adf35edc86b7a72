import { formatInstant, oneLine, subjectFor } from './format';
import { participantFooter, renderEmail } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

/** What the organizer chose to do that showed (or can show) whom this participant gives to. */
export type OrganizerAccessAction = 'personal-link' | 'reveal' | 'private-email' | 'printed-card';

export interface OrganizerAccessNoticeInput {
  exchange: ExchangeInfo;
  participantName: string;
  action: OrganizerAccessAction;
  /** Epoch ms, UTC; shown in the exchange's zone. */
  at: number;
}

/** The sentence both this email and the participant's page use. */
export function organizerAccessSentence(action: OrganizerAccessAction, when: string): string {
  switch (action) {
    case 'personal-link':
      return `On ${when} the organizer opened a personal link to your page; whoever uses it sees your page, including whom you give to.`;
    case 'reveal':
      return `On ${when} the organizer revealed who drew whom, including whom you give to.`;
    case 'private-email':
      return `On ${when} the organizer read the email that tells you whom you give to.`;
    case 'printed-card':
      return `On ${when} the organizer printed your card, which shows whom you give to under a fold.`;
    default: {
      const never: never = action;
      return never;
    }
  }
}

/**
 * Tells a participant the organizer looked behind the curtain. Nobody can do it silently: the
 * organizer confirmed it, it is recorded, and the person it concerns hears of it.
 */
export function organizerAccessNotice(input: OrganizerAccessNoticeInput): RenderedEmail {
  const name = oneLine(input.participantName);
  const sentence = organizerAccessSentence(input.action, formatInstant(input.at, input.exchange.timezone));
  return renderEmail({
    subject: subjectFor(input.exchange.name, 'the organizer looked at your draw'),
    preheader: sentence,
    blocks: [
      { kind: 'heading', text: name ? `Hi ${name},` : 'Hello,' },
      { kind: 'para', parts: [sentence] },
      { kind: 'small', parts: ['Organizers do this to fix a problem, such as an email that never arrived. If it surprises you, ask them about it.'] },
    ],
    footer: participantFooter(input.exchange),
  });
}
