import { oneLine, subjectFor } from './format';
import { participantFooter, renderEmail } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface MagicLinkEmailInput {
  exchange: ExchangeInfo;
  participantName: string;
  link: string;
  expiresInMinutes: number;
}

export interface SharedMagicLinksEmailInput {
  exchange: ExchangeInfo;
  /** Everyone at this address who takes part, each with their own link. */
  people: ReadonlyArray<{ name: string; link: string }>;
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

/**
 * Sign-in links for an address several people share (a family): one email, one button per person,
 * so nobody signs in as a sibling by mistake.
 */
export function sharedMagicLinksEmail(input: SharedMagicLinksEmailInput): RenderedEmail {
  const exchangeName = oneLine(input.exchange.name);
  const expires = duration(input.expiresInMinutes);
  const names = input.people.map((p) => oneLine(p.name));
  return renderEmail({
    subject: subjectFor(input.exchange.name, 'your sign-in links'),
    preheader: `Sign-in links for ${names.join(', ')}. Each works once and expires in ${expires}.`,
    blocks: [
      { kind: 'heading', text: 'Hello,' },
      { kind: 'para', parts: ['Several people at this address take part in ', { strong: exchangeName }, '. Each has their own link: use only your own.'] },
      ...input.people.map((p) => ({ kind: 'button' as const, label: `Sign in as ${oneLine(p.name)}`, url: p.link })),
      { kind: 'para', parts: [`Each link works once and expires in ${expires}. If one has expired, just ask for new ones.`] },
      { kind: 'small', parts: ["Didn't ask for this? You can safely ignore this email."] },
    ],
    footer: participantFooter(input.exchange),
  });
}
