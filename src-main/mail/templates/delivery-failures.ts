import { oneLine, subjectFor } from './format';
import { renderEmail } from './layout';
import { hintBlocks, organizerFooter, plural } from './organizer-notices';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface DeliveryFailuresNoticeInput {
  /** Null when the failures are not tied to one exchange (e.g. a test email). */
  exchange: ExchangeInfo | null;
  organizerName: string;
  failures: Array<{ to: string; kind: string; error: string }>;
  /** Where the organizer's screens are (headless: their address without the secret); null on the desktop. */
  adminHint?: string | null;
}

const KIND_LABELS: Record<string, string> = {
  'magic-link': 'sign-in link',
  welcome: 'welcome email',
  match: 'match email',
  reminder: 'reminder',
  'assignment-changed': 'changed match',
  'purge-warning': 'deletion warning',
  test: 'test email',
};

const MAX_LISTED = 20;
const MAX_ERROR_CHARS = 200;

function describe(failure: { to: string; kind: string; error: string }): string {
  const kind = KIND_LABELS[failure.kind] ?? oneLine(failure.kind).replace(/[-_]/g, ' ');
  let error = oneLine(failure.error);
  if (error.length > MAX_ERROR_CHARS) error = `${error.slice(0, MAX_ERROR_CHARS - 1)}…`;
  return `${oneLine(failure.to)} (${kind}): ${error || 'unknown error'}`;
}

/** Tells the organizer which emails gave up after all retries, so they can fix and resend. */
export function deliveryFailuresNotice(input: DeliveryFailuresNoticeInput): RenderedEmail {
  const count = input.failures.length;
  const what = `${plural(count, 'email')} could not be delivered`;
  const listed = input.failures.slice(0, MAX_LISTED).map(describe);
  if (count > MAX_LISTED) listed.push(`…and ${count - MAX_LISTED} more.`);
  const name = input.organizerName.trim() ? oneLine(input.organizerName) : '';
  return renderEmail({
    subject: subjectFor(input.exchange?.name ?? 'Sneaky Klaus', what),
    preheader: `${what}. Check the addresses and resend from the outbox.`,
    blocks: [
      { kind: 'heading', text: name ? `Hi ${name},` : 'Hello,' },
      {
        kind: 'para',
        parts: input.exchange ? [`${what} for `, { strong: oneLine(input.exchange.name) }, ', even after several tries:'] : [`${what}, even after several tries:`],
      },
      { kind: 'list', items: listed },
      {
        kind: 'para',
        parts: [
          'Check the addresses and your email settings, then press Resend in the outbox. ' +
            'You can also copy each person’s personal link from the participants list and send it by chat.',
        ],
      },
      ...hintBlocks(input.adminHint),
    ],
    footer: organizerFooter(input.exchange?.name ?? null),
  });
}
