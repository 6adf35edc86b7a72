import { isHttpUrl, oneLine, subjectFor } from './format';
import { renderEmail, type Block } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

/** "1 participant", "5 participants". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function organizerFooter(exchangeName: string | null): string {
  const about = exchangeName ? ` about "${oneLine(exchangeName)}"` : '';
  return `Sent by Sneaky Klaus${about} to you as the organizer. Participants never see this email.`;
}

/** A URL becomes a button; any other hint ("open the app on your laptop") stays a sentence. */
export function hintBlocks(adminHint: string | null | undefined): Block[] {
  const hint = adminHint?.trim();
  if (!hint) return [{ kind: 'small', parts: ['Open Sneaky Klaus to see the details.'] }];
  if (isHttpUrl(hint)) return [{ kind: 'button', label: 'Open Sneaky Klaus', url: hint }];
  return [{ kind: 'small', parts: [hint] }];
}

function greeting(organizerName: string): Block {
  const name = oneLine(organizerName);
  return { kind: 'heading', text: name ? `Hi ${name},` : 'Hello,' };
}

export interface NewRegistrationNoticeInput {
  exchange: ExchangeInfo;
  organizerName: string;
  participantName: string;
  participantCount: number;
  /** Where the organizer can look: an admin URL (headless mode) or a short sentence. */
  adminHint: string | null;
}

export function newRegistrationNotice(input: NewRegistrationNoticeInput): RenderedEmail {
  const who = oneLine(input.participantName);
  return renderEmail({
    subject: subjectFor(input.exchange.name, `${who} signed up`),
    preheader: `${who} just joined. ${plural(input.participantCount, 'participant')} so far.`,
    blocks: [
      greeting(input.organizerName),
      { kind: 'para', parts: [{ strong: who }, ' just signed up for ', { strong: oneLine(input.exchange.name) }, '.'] },
      { kind: 'para', parts: [`That makes ${plural(input.participantCount, 'participant')} so far.`] },
      ...hintBlocks(input.adminHint),
    ],
    footer: organizerFooter(input.exchange.name),
  });
}

export interface WithdrawalNoticeInput {
  exchange: ExchangeInfo;
  organizerName: string;
  participantName: string;
  /** True when names had already been drawn, so some givers were reassigned. */
  afterDraw: boolean;
  /** How many participants got a new match (and an email about it). */
  changedCount: number;
  /** Where the organizer's screens are (headless: their address without the secret); null on the desktop. */
  adminHint?: string | null;
}

export function withdrawalNotice(input: WithdrawalNoticeInput): RenderedEmail {
  const who = oneLine(input.participantName);
  const blocks: Block[] = [greeting(input.organizerName), { kind: 'para', parts: [{ strong: who }, ' has left ', { strong: oneLine(input.exchange.name) }, '.'] }];
  if (input.afterDraw) {
    blocks.push({
      kind: 'para',
      parts: [
        input.changedCount > 0
          ? `Names had already been drawn, so Sneaky Klaus re-arranged the matches: ${plural(input.changedCount, 'participant')} got a new giftee and an email about it. Nobody else was affected, and no pairs were revealed.`
          : 'Names had already been drawn, but nobody needed a new match.',
      ],
    });
  } else {
    blocks.push({ kind: 'para', parts: ['Names have not been drawn yet, so there is nothing else to do.'] });
  }
  blocks.push(...hintBlocks(input.adminHint));
  return renderEmail({
    subject: subjectFor(input.exchange.name, `${who} has left`),
    preheader: `${who} has left the exchange.`,
    blocks,
    footer: organizerFooter(input.exchange.name),
  });
}

export interface RegistrationClosedNoticeInput {
  exchange: ExchangeInfo;
  organizerName: string;
  participantCount: number;
  /** Where the organizer's screens are (headless: their address without the secret); null on the desktop. */
  adminHint?: string | null;
}

export function registrationClosedNotice(input: RegistrationClosedNoticeInput): RenderedEmail {
  const count = plural(input.participantCount, 'participant');
  return renderEmail({
    subject: subjectFor(input.exchange.name, `registration closed with ${count}`),
    preheader: `Registration is closed with ${count}. Time to draw names!`,
    blocks: [
      greeting(input.organizerName),
      {
        kind: 'para',
        parts: ['Registration for ', { strong: oneLine(input.exchange.name) }, ` is now closed, with ${count}.`],
      },
      { kind: 'para', parts: ['Next step: check the list and exclusions, then draw names in Sneaky Klaus.'] },
      ...hintBlocks(input.adminHint),
    ],
    footer: organizerFooter(input.exchange.name),
  });
}

export interface DrawDoneNoticeInput {
  exchange: ExchangeInfo;
  organizerName: string;
  participantCount: number;
  /** Match emails written to the outbox (sent, or kept as previews when SMTP is not set up). */
  queuedCount: number;
  /** Where the organizer's screens are (headless: their address without the secret); null on the desktop. */
  adminHint?: string | null;
}

export function drawDoneNotice(input: DrawDoneNoticeInput): RenderedEmail {
  const count = plural(input.participantCount, 'participant');
  return renderEmail({
    subject: subjectFor(input.exchange.name, 'names have been drawn'),
    preheader: `Names are drawn for ${count}. Your own match arrives separately if you take part.`,
    blocks: [
      greeting(input.organizerName),
      { kind: 'para', parts: ['Names have been drawn for ', { strong: oneLine(input.exchange.name) }, ` (${count}).`] },
      {
        kind: 'para',
        parts: [
          `${plural(input.queuedCount, 'match email')} ${input.queuedCount === 1 ? 'is' : 'are'} on the way. ` +
            'The pairs stay hidden from you too, unless you choose to reveal them. If you take part, your own match arrives in a separate email.',
        ],
      },
      ...hintBlocks(input.adminHint),
    ],
    footer: organizerFooter(input.exchange.name),
  });
}
