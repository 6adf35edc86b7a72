import { translator, type Locale, type MessageKey, type Translator } from '../../i18n';
import { oneLine, subjectFor } from './format';
import { greeting, renderEmail } from './layout';
import { hintBlocks, organizerFooter } from './organizer-notices';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface DeliveryFailuresNoticeInput {
  /** The organizer's language. */
  locale: Locale;
  /** Null when the failures are not tied to one exchange (e.g. a test email). */
  exchange: ExchangeInfo | null;
  organizerName: string;
  failures: Array<{ to: string; kind: string; error: string }>;
  /** Where the organizer's screens are (headless: their address without the secret); null on the desktop. */
  adminHint?: string | null;
}

const KIND_LABELS: Record<string, MessageKey> = {
  'magic-link': 'mail.kind.magicLink',
  welcome: 'mail.kind.welcome',
  match: 'mail.kind.match',
  reminder: 'mail.kind.reminder',
  'assignment-changed': 'mail.kind.changed',
  'purge-warning': 'mail.kind.purgeWarning',
  test: 'mail.kind.test',
};

const MAX_LISTED = 20;
const MAX_ERROR_CHARS = 200;

function describe(t: Translator, failure: { to: string; kind: string; error: string }): string {
  const label = KIND_LABELS[failure.kind];
  const kind = label ? t.t(label) : oneLine(failure.kind).replace(/[-_]/g, ' ');
  let error = oneLine(failure.error);
  if (error.length > MAX_ERROR_CHARS) error = `${error.slice(0, MAX_ERROR_CHARS - 1)}…`;
  return t.t('mail.failures.item', { to: oneLine(failure.to), kind, error: error || t.t('mail.failures.unknownError') });
}

/** Tells the organizer which emails gave up after all retries, so they can fix and resend. */
export function deliveryFailuresNotice(input: DeliveryFailuresNoticeInput): RenderedEmail {
  const t = translator(input.locale);
  const count = input.failures.length;
  const listed = input.failures.slice(0, MAX_LISTED).map((f) => describe(t, f));
  if (count > MAX_LISTED) listed.push(t.t('mail.failures.more', { count: count - MAX_LISTED }));
  return renderEmail(
    {
      subject: subjectFor(t, input.exchange?.name ?? '', 'mail.failures.subject', { count }),
      preheader: t.t('mail.failures.preheader', { count }),
      blocks: [
        greeting(t, input.organizerName),
        {
          kind: 'para',
          parts: input.exchange ? [t.t('mail.failures.introExchange', { count, exchange: oneLine(input.exchange.name) })] : [t.t('mail.failures.intro', { count })],
        },
        { kind: 'list', items: listed },
        { kind: 'para', parts: [t.t('mail.failures.fix')] },
        ...hintBlocks(t, input.adminHint),
      ],
      footer: organizerFooter(t, input.exchange?.name ?? null),
    },
    t,
  );
}
