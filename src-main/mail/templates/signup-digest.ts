import { DateTime } from 'luxon';
import { oneLine, subjectFor } from './format';
import { renderEmail, type Block } from './layout';
import { hintBlocks, organizerFooter, plural } from './organizer-notices';
import type { RenderedEmail } from './types';

export interface SignupDigestInput {
  organizerName: string;
  /** The organizer's zone, for the times of the sign-ups. */
  timezone: string;
  /** Each exchange with sign-ups since the last digest, in the order they are listed. */
  exchanges: Array<{
    name: string;
    /** Everyone taking part now (after these sign-ups). */
    participantCount: number;
    signups: Array<{ name: string; at: number; left: boolean }>;
  }>;
  /** Where the organizer's screens are (headless: their address without the secret); null on the desktop. */
  adminHint?: string | null;
}

function time(epochMs: number, timezone: string): string {
  let dt = DateTime.fromMillis(epochMs, { zone: timezone, locale: 'en-GB' });
  if (!dt.isValid) dt = DateTime.fromMillis(epochMs, { zone: 'UTC', locale: 'en-GB' });
  return dt.toFormat('ccc d LLL, HH:mm');
}

/** One email a day instead of one per sign-up: who joined which exchange since the last digest. */
export function signupDigestNotice(input: SignupDigestInput): RenderedEmail {
  const total = input.exchanges.reduce((sum, e) => sum + e.signups.length, 0);
  const what = `${plural(total, 'new sign-up')}`;
  const only = input.exchanges.length === 1 ? input.exchanges[0]! : null;
  const name = input.organizerName.trim() ? oneLine(input.organizerName) : '';
  const blocks: Block[] = [
    { kind: 'heading', text: name ? `Hi ${name},` : 'Hello,' },
    { kind: 'para', parts: [`Since the last digest, ${total === 1 ? 'one person has' : `${total} people have`} signed up:`] },
  ];
  for (const exchange of input.exchanges) {
    blocks.push(
      { kind: 'para', parts: [{ strong: oneLine(exchange.name) }, ` (now ${plural(exchange.participantCount, 'participant')})`] },
      {
        kind: 'list',
        items: exchange.signups.map((s) => `${oneLine(s.name)}, ${time(s.at, input.timezone)}${s.left ? ' (has left again since)' : ''}`),
      },
    );
  }
  blocks.push(...hintBlocks(input.adminHint));
  return renderEmail({
    subject: subjectFor(only ? only.name : '', `${what} today`),
    preheader: `${what} since the last digest.`,
    blocks,
    footer: organizerFooter(only ? only.name : null),
  });
}
