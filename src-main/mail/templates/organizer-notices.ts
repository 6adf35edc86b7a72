import { translator, type Locale, type Translator } from '../../i18n';
import { isHttpUrl, oneLine, subjectFor } from './format';
import { greeting, renderEmail, richParts, type Block } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

/** Footer of the organizer's emails: participants never see them. */
export function organizerFooter(t: Translator, exchangeName: string | null): string {
  return exchangeName ? t.t('mail.footer.organizerAbout', { exchange: oneLine(exchangeName) }) : t.t('mail.footer.organizer');
}

/** A URL becomes a button; any other hint ("open the app on your laptop") stays a sentence. */
export function hintBlocks(t: Translator, adminHint: string | null | undefined): Block[] {
  const hint = adminHint?.trim();
  if (!hint) return [{ kind: 'small', parts: [t.t('mail.organizer.openApp')] }];
  if (isHttpUrl(hint)) return [{ kind: 'button', label: t.t('mail.organizer.openButton'), url: hint }];
  return [{ kind: 'small', parts: [hint] }];
}

export interface NewRegistrationNoticeInput {
  /** The organizer's language. */
  locale: Locale;
  exchange: ExchangeInfo;
  organizerName: string;
  participantName: string;
  participantCount: number;
  /** Where the organizer can look: an admin URL (headless mode) or a short sentence. */
  adminHint: string | null;
}

export function newRegistrationNotice(input: NewRegistrationNoticeInput): RenderedEmail {
  const t = translator(input.locale);
  const who = oneLine(input.participantName);
  const count = input.participantCount;
  return renderEmail(
    {
      subject: subjectFor(t, input.exchange.name, 'mail.newSignup.subject', { name: who }),
      preheader: t.t('mail.newSignup.preheader', { name: who, count }),
      blocks: [
        greeting(t, input.organizerName),
        { kind: 'para', parts: richParts(t, 'mail.newSignup.intro', { name: who, exchange: oneLine(input.exchange.name) }) },
        { kind: 'para', parts: [t.t('mail.newSignup.count', { count })] },
        ...hintBlocks(t, input.adminHint),
      ],
      footer: organizerFooter(t, input.exchange.name),
    },
    t,
  );
}

export interface WithdrawalNoticeInput {
  /** The organizer's language. */
  locale: Locale;
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
  const t = translator(input.locale);
  const who = oneLine(input.participantName);
  const blocks: Block[] = [greeting(t, input.organizerName), { kind: 'para', parts: richParts(t, 'mail.withdrawal.intro', { name: who, exchange: oneLine(input.exchange.name) }) }];
  const next = !input.afterDraw
    ? t.t('mail.withdrawal.beforeDraw')
    : input.changedCount > 0
      ? t.t('mail.withdrawal.rearranged', { count: input.changedCount })
      : t.t('mail.withdrawal.noChange');
  blocks.push({ kind: 'para', parts: [next] }, ...hintBlocks(t, input.adminHint));
  return renderEmail(
    {
      subject: subjectFor(t, input.exchange.name, 'mail.withdrawal.subject', { name: who }),
      preheader: t.t('mail.withdrawal.preheader', { name: who }),
      blocks,
      footer: organizerFooter(t, input.exchange.name),
    },
    t,
  );
}

export interface RegistrationClosedNoticeInput {
  /** The organizer's language. */
  locale: Locale;
  exchange: ExchangeInfo;
  organizerName: string;
  participantCount: number;
  /** Where the organizer's screens are (headless: their address without the secret); null on the desktop. */
  adminHint?: string | null;
}

export function registrationClosedNotice(input: RegistrationClosedNoticeInput): RenderedEmail {
  const t = translator(input.locale);
  const count = input.participantCount;
  return renderEmail(
    {
      subject: subjectFor(t, input.exchange.name, 'mail.closed.subject', { count }),
      preheader: t.t('mail.closed.preheader', { count }),
      blocks: [
        greeting(t, input.organizerName),
        { kind: 'para', parts: [t.t('mail.closed.intro', { exchange: oneLine(input.exchange.name), count })] },
        { kind: 'para', parts: [t.t('mail.closed.next')] },
        ...hintBlocks(t, input.adminHint),
      ],
      footer: organizerFooter(t, input.exchange.name),
    },
    t,
  );
}

export interface DrawDoneNoticeInput {
  /** The organizer's language. */
  locale: Locale;
  exchange: ExchangeInfo;
  organizerName: string;
  participantCount: number;
  /** Match emails written to the outbox (sent, or kept as previews when SMTP is not set up). */
  queuedCount: number;
  /** Where the organizer's screens are (headless: their address without the secret); null on the desktop. */
  adminHint?: string | null;
}

export function drawDoneNotice(input: DrawDoneNoticeInput): RenderedEmail {
  const t = translator(input.locale);
  const count = input.participantCount;
  return renderEmail(
    {
      subject: subjectFor(t, input.exchange.name, 'mail.drawDone.subject'),
      preheader: t.t('mail.drawDone.preheader', { count }),
      blocks: [
        greeting(t, input.organizerName),
        { kind: 'para', parts: [t.t('mail.drawDone.intro', { exchange: oneLine(input.exchange.name), count })] },
        { kind: 'para', parts: [t.t('mail.drawDone.queued', { count: input.queuedCount })] },
        ...hintBlocks(t, input.adminHint),
      ],
      footer: organizerFooter(t, input.exchange.name),
    },
    t,
  );
}
