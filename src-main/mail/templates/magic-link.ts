import { oneLine, subjectFor } from './format';
import { participantFooter, renderEmail } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface MagicLinkEmailInput {
  exchange: ExchangeInfo;
  participantName: string;
  link: string;
  expiresInMinutes: number;
}

function duration(minutes: number): string {
  if (minutes >= 120 && minutes % 60 === 0) return `${minutes / 60} hours`;
  if (minutes === 60) return '1 hour';
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** The sign-in link a participant asked for. */
export function magicLinkEmail(input: MagicLinkEmailInput): RenderedEmail {
  const name = oneLine(input.participantName);
  const exchangeName = oneLine(input.exchange.name);
  const expires = duration(input.expiresInMinutes);
  return renderEmail({
    subject: subjectFor(input.exchange.name, 'your sign-in link'),
    preheader: `Your link to sign in. It works once and expires in ${expires}.`,
    blocks: [
      { kind: 'heading', text: `Hi ${name},` },
      { kind: 'para', parts: ['Here is your link to sign in to ', { strong: exchangeName }, '.'] },
      { kind: 'button', label: 'Sign in', url: input.link },
      { kind: 'para', parts: [`It works once and expires in ${expires}. If it has expired, just ask for a new one.`] },
      { kind: 'small', parts: ["Didn't ask for this? You can safely ignore this email."] },
    ],
    footer: participantFooter(input.exchange),
  });
}
