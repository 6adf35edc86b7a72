import { translator, type Locale, type Translator } from '../../i18n';
import { oneLine, subjectFor } from './format';
import { greeting, participantFooter, renderEmail, richParts } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface MagicLinkEmailInput {
  /** The reader's language. */
  locale: Locale;
  exchange: ExchangeInfo;
  participantName: string;
  link: string;
  expiresInMinutes: number;
}

export interface SharedMagicLinksEmailInput {
  /** The language of the row's own person (the first of `people`). */
  locale: Locale;
  exchange: ExchangeInfo;
  /** Everyone at this address who takes part, each with their own link. */
  people: ReadonlyArray<{ name: string; link: string }>;
  expiresInMinutes: number;
}

/** "30 minutes", "1 hour", "24 hours". */
function duration(t: Translator, minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) return t.t('mail.duration.hours', { count: minutes / 60 });
  return t.t('mail.duration.minutes', { count: minutes });
}

/** The sign-in link a participant asked for. */
export function magicLinkEmail(input: MagicLinkEmailInput): RenderedEmail {
  const t = translator(input.locale);
  const expires = duration(t, input.expiresInMinutes);
  return renderEmail(
    {
      subject: subjectFor(t, input.exchange.name, 'mail.magicLink.subject'),
      preheader: t.t('mail.magicLink.preheader', { expires }),
      blocks: [
        greeting(t, input.participantName),
        { kind: 'para', parts: richParts(t, 'mail.magicLink.intro', { exchange: oneLine(input.exchange.name) }) },
        { kind: 'button', label: t.t('mail.magicLink.button'), url: input.link },
        { kind: 'para', parts: [t.t('mail.magicLink.expires', { expires })] },
        { kind: 'small', parts: [t.t('mail.magicLink.ignore')] },
      ],
      footer: participantFooter(input.exchange, t),
    },
    t,
  );
}

/**
 * Sign-in links for an address several people share (a family): one email, one button per person,
 * so nobody signs in as a sibling by mistake.
 */
export function sharedMagicLinksEmail(input: SharedMagicLinksEmailInput): RenderedEmail {
  const t = translator(input.locale);
  const expires = duration(t, input.expiresInMinutes);
  const names = input.people.map((p) => oneLine(p.name));
  return renderEmail(
    {
      subject: subjectFor(t, input.exchange.name, 'mail.sharedLinks.subject'),
      preheader: t.t('mail.sharedLinks.preheader', { names: t.list(names), expires }),
      blocks: [
        { kind: 'heading', text: t.t('mail.hello') },
        { kind: 'para', parts: richParts(t, 'mail.sharedLinks.intro', { exchange: oneLine(input.exchange.name) }) },
        ...input.people.map((p) => ({ kind: 'button' as const, label: t.t('mail.sharedLinks.button', { name: oneLine(p.name) }), url: p.link })),
        { kind: 'para', parts: [t.t('mail.sharedLinks.expires', { expires })] },
        { kind: 'small', parts: [t.t('mail.magicLink.ignore')] },
      ],
      footer: participantFooter(input.exchange, t),
    },
    t,
  );
}
