import { formatDay, formatInstant, oneLine, subjectFor } from './format';
import { renderEmail } from './layout';
import { hintBlocks, organizerFooter } from './organizer-notices';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface PurgeWarningEmailInput {
  exchange: ExchangeInfo;
  organizerName: string;
  /** Epoch ms at which everything about the exchange is deleted. */
  purgeAt: number;
  /** The organizer's zone, in which the deletion moment is shown. */
  timezone: string;
  /** Where the organizer's screens are (headless: their address without the secret); null on the desktop. */
  adminHint?: string | null;
}

/** Sent once, a week before the exchange's data is deleted for good. */
export function purgeWarningEmail(input: PurgeWarningEmailInput): RenderedEmail {
  const { exchange } = input;
  const when = formatInstant(input.purgeAt, input.timezone);
  const name = oneLine(input.organizerName);
  return renderEmail({
    subject: subjectFor(exchange.name, `data will be deleted on ${formatDay(input.purgeAt, input.timezone)}`),
    preheader: `Everything about this exchange will be deleted on ${when}.`,
    blocks: [
      { kind: 'heading', text: name ? `Hi ${name},` : 'Hello,' },
      {
        kind: 'para',
        parts: [
          'To keep everyone’s details private, Sneaky Klaus deletes finished exchanges. Everything about ',
          { strong: oneLine(exchange.name) },
          ' (participants, gift ideas, matches and emails) will be deleted on:',
        ],
      },
      { kind: 'highlight', label: 'Deletion date', value: when },
      {
        kind: 'para',
        parts: [
          'You do not need to do anything. If you would like to keep something, such as the list of ' +
            'participants for next year, copy it before then. Next year, Sneaky Klaus can still avoid ' +
            'repeating this year’s pairs without keeping anyone’s details.',
        ],
      },
      ...hintBlocks(input.adminHint),
    ],
    footer: organizerFooter(exchange.name),
  });
}
