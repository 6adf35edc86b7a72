import { translator, type Locale } from '../../i18n';
import { oneLine, subjectFor } from './format';
import { exchangeDetails, participantFooter, renderEmail, richParts, type Block } from './layout';
import type { ExchangeInfo, RenderedEmail } from './types';

export interface WelcomeEmailInput {
  /** The reader's language. */
  locale: Locale;
  exchange: ExchangeInfo;
  participantName: string;
  link: string;
  /** Epoch ms, or null when the organizer closes registration by hand. */
  registrationDeadline: number | null;
  /**
   * Whether they wrote gift ideas when registering: only people without any are asked for some.
   * Left out, the email neither asks nor thanks (it is right either way).
   */
  hasGiftIdeas?: boolean;
  /**
   * Set when the organizer added them and sent this as an invitation ("Invite these people"): the
   * organizer's name ('' when unknown). Left out for people who signed up themselves.
   */
  invitedBy?: string;
}

/** Sent right after someone registers: confirms the place and points at their page. */
export function welcomeEmail(input: WelcomeEmailInput): RenderedEmail {
  const t = translator(input.locale);
  const { exchange } = input;
  const invited = input.invitedBy !== undefined;
  const ideas = input.hasGiftIdeas === undefined ? 'unknown' : input.hasGiftIdeas ? 'given' : 'none';
  const name = oneLine(input.participantName);
  const by = oneLine(input.invitedBy ?? '');
  const exchangeName = oneLine(exchange.name);
  const next = invited
    ? t.t('mail.welcome.nextInvited')
    : input.registrationDeadline === null
      ? t.t('mail.welcome.nextOpen')
      : t.t('mail.welcome.nextDeadline', { deadline: t.dateTime(input.registrationDeadline, exchange.timezone) });
  const ideasPara =
    ideas === 'unknown'
      ? t.t('mail.welcome.ideas.unknown')
      : invited
        ? t.t(ideas === 'none' ? 'mail.welcome.invitedIdeas.none' : 'mail.welcome.invitedIdeas.given')
        : t.t(ideas === 'none' ? 'mail.welcome.ideas.none' : 'mail.welcome.ideas.given');
  const preheader =
    ideas === 'unknown'
      ? t.t('mail.welcome.preheader.unknown')
      : invited
        ? t.t(ideas === 'none' ? 'mail.welcome.invitedPreheader.none' : 'mail.welcome.invitedPreheader.given')
        : t.t(ideas === 'none' ? 'mail.welcome.preheader.none' : 'mail.welcome.preheader.given');
  const blocks: Block[] = [
    { kind: 'heading', text: t.t('mail.welcome.heading', { name }) },
    {
      kind: 'para',
      parts: invited
        ? by
          ? richParts(t, 'mail.welcome.addedBy', { organizer: by, exchange: exchangeName })
          : richParts(t, 'mail.welcome.addedByOrganizer', { exchange: exchangeName })
        : richParts(t, 'mail.welcome.youreIn', { exchange: exchangeName }),
    },
  ];
  if (exchange.description.trim()) {
    blocks.push({ kind: 'multiline', label: t.t('mail.fromOrganizer'), value: exchange.description, empty: '' });
  }
  blocks.push(
    exchangeDetails(exchange, t),
    { kind: 'para', parts: [next] },
    { kind: 'para', parts: [ideasPara] },
    { kind: 'button', label: t.t('mail.openMyPage'), url: input.link },
  );
  return renderEmail({ subject: subjectFor(t, exchange.name, 'mail.welcome.subject'), preheader, blocks, footer: participantFooter(exchange, t) }, t);
}
