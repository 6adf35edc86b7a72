import { oneLine, subjectFor } from './format';
import { severalGifteesBlocks, type Giftee } from './giftees';
import { exchangeDetails, participantFooter, renderEmail } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface ReminderEmailInput {
  exchange: ExchangeInfo;
  participantName: string;
  receiverName: string;
  /** The giftee's ideas as they are now, which may have changed since the draw. */
  receiverGiftIdeas: string;
  /** With several giftees each: all of them in round order (the first is `receiverName`). */
  giftees?: ReadonlyArray<Giftee>;
  /** How far away the exchange is as of sending ("in 5 days", "tomorrow", "today at 18:00"). */
  when: string;
  link: string;
}

const NO_IDEAS_YET = 'No ideas yet. A small surprise will do nicely!';

/** "N days to go", with the giftee's current ideas so it is useful on its own. */
export function reminderEmail(input: ReminderEmailInput): RenderedEmail {
  const { exchange } = input;
  const { when } = input;
  const receiver = oneLine(input.receiverName);
  return renderEmail({
    subject: subjectFor(exchange.name, `the gift exchange is ${when}`),
    preheader: `A friendly reminder: the gift exchange is ${when}.`,
    blocks: [
      { kind: 'heading', text: `Hi ${oneLine(input.participantName)},` },
      {
        kind: 'para',
        parts: ['A friendly reminder: ', { strong: oneLine(exchange.name) }, ` is ${when}.`],
      },
      ...(input.giftees !== undefined && input.giftees.length > 1
        ? severalGifteesBlocks(input.giftees, 'Your giftees', NO_IDEAS_YET, 'latest gift ideas')
        : [
            { kind: 'highlight' as const, label: 'You are the Secret Santa for', value: receiver },
            { kind: 'multiline' as const, label: `${receiver}'s latest gift ideas`, value: input.receiverGiftIdeas, empty: NO_IDEAS_YET },
          ]),
      exchangeDetails(exchange),
      { kind: 'button', label: 'Open my page', url: input.link },
      {
        kind: 'small',
        parts: ["Don't want these reminders? You can turn them off on your page."],
      },
    ],
    footer: participantFooter(exchange),
  });
}
