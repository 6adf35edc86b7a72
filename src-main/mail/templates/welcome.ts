import { formatInstant, oneLine, subjectFor } from './format';
import { exchangeDetails, participantFooter, renderEmail, type Block } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface WelcomeEmailInput {
  exchange: ExchangeInfo;
  participantName: string;
  link: string;
  /** Epoch ms, or null when the organizer closes registration by hand. */
  registrationDeadline: number | null;
  /**
   * Whether they wrote gift ideas when registering: only people without any are asked for some.
   * Left out, the email neither asks nor thanks (it is right either way).
   */
  hasGiftIdeas?: boolean;
  /**
   * Set when the organizer added them and sent this as an invitation ("Invite these people"): the
   * organizer's name ('' when unknown). Left out for people who signed up themselves.
   */
  invitedBy?: string;
}

const IDEAS_TEXT = {
  none: {
    para: 'Meanwhile, add a few gift ideas on your page: they help whoever draws your name.',
    preheader: 'You are registered. Add a few gift ideas to help your Secret Santa.',
  },
  given: { para: 'Thanks for your gift ideas. You can change them on your page until names are drawn, and after.', preheader: 'You are registered, gift ideas and all.' },
  unknown: { para: 'On your page you can add or change your gift ideas: they help whoever draws your name.', preheader: 'You are registered for your Secret Santa exchange.' },
} as const;

/** For people the organizer added: they wrote no ideas themselves, so nobody thanks them for any. */
const INVITED_IDEAS_TEXT = {
  none: {
    para: 'Before names are drawn, add a few gift ideas on your page: they help whoever draws your name.',
    preheader: 'You are on the list. Add a few gift ideas to help your Secret Santa.',
  },
  given: { para: 'Your gift ideas are already on your page. You can look at them and change them there.', preheader: 'You are on the list, gift ideas and all.' },
  unknown: IDEAS_TEXT.unknown,
} as const;

/** Sent right after someone registers: confirms the place and points at their page. */
export function welcomeEmail(input: WelcomeEmailInput): RenderedEmail {
  const { exchange } = input;
  const invited = input.invitedBy !== undefined;
  const ideas = (invited ? INVITED_IDEAS_TEXT : IDEAS_TEXT)[input.hasGiftIdeas === undefined ? 'unknown' : input.hasGiftIdeas ? 'given' : 'none'];
  const name = oneLine(input.participantName);
  const by = oneLine(input.invitedBy ?? '');
  const next = invited
    ? 'When everyone is on the list, names are drawn and you will get an email telling you who you are giving a gift to.'
    : input.registrationDeadline === null
      ? 'Once registration closes, names are drawn and you will get an email telling you who you are giving a gift to.'
      : `Registration closes on ${formatInstant(input.registrationDeadline, exchange.timezone)}. ` +
        'Then names are drawn and you will get an email telling you who you are giving a gift to.';
  const blocks: Block[] = [
    { kind: 'heading', text: `Welcome, ${name}!` },
    invited
      ? { kind: 'para', parts: [by ? `${by} added you to ` : 'The organizer added you to ', { strong: oneLine(exchange.name) }, '.'] }
      : { kind: 'para', parts: ["You're in for ", { strong: oneLine(exchange.name) }, '.'] },
  ];
  if (exchange.description.trim()) {
    blocks.push({ kind: 'multiline', label: 'From the organizer', value: exchange.description, empty: '' });
  }
  blocks.push(exchangeDetails(exchange), { kind: 'para', parts: [next] }, { kind: 'para', parts: [ideas.para] }, { kind: 'button', label: 'Open my page', url: input.link });
  return renderEmail({
    subject: subjectFor(exchange.name, "you're in!"),
    preheader: ideas.preheader,
    blocks,
    footer: participantFooter(exchange),
  });
}
