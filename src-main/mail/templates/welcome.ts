import { formatInstant, oneLine, subjectFor } from './format';
import { exchangeDetails, participantFooter, renderEmail, type Block } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface WelcomeEmailInput {
  exchange: ExchangeInfo;
  participantName: string;
  link: string;
  /** Epoch ms, or null when the organizer closes registration by hand. */
  registrationDeadline: number | null;
}

/** Sent right after someone registers: confirms the place and points at their page. */
export function welcomeEmail(input: WelcomeEmailInput): RenderedEmail {
  const { exchange } = input;
  const name = oneLine(input.participantName);
  const next =
    input.registrationDeadline === null
      ? 'Once registration closes, names are drawn and you will get an email telling you who you are giving a gift to.'
      : `Registration closes on ${formatInstant(input.registrationDeadline, exchange.timezone)}. ` +
        'Then names are drawn and you will get an email telling you who you are giving a gift to.';
  const blocks: Block[] = [
    { kind: 'heading', text: `Welcome, ${name}!` },
    { kind: 'para', parts: ["You're in for ", { strong: oneLine(exchange.name) }, '.'] },
  ];
  if (exchange.description.trim()) {
    blocks.push({ kind: 'multiline', label: 'From the organizer', value: exchange.description, empty: '' });
  }
  blocks.push(
    exchangeDetails(exchange),
    { kind: 'para', parts: [next] },
    {
      kind: 'para',
      parts: ['Meanwhile, add a few gift ideas on your page: they help whoever draws your name.'],
    },
    { kind: 'button', label: 'Open my page', url: input.link },
  );
  return renderEmail({
    subject: subjectFor(exchange.name, "you're in!"),
    preheader: 'You are registered. Add a few gift ideas to help your Secret Santa.',
    blocks,
    footer: participantFooter(exchange),
  });
}
