import { translator, type Locale } from '../../i18n';
import { oneLine, subjectFor } from './format';
import { greeting, renderEmail, type Block } from './layout';
import { hintBlocks, organizerFooter } from './organizer-notices';
import type { RenderedEmail } from './types';

export interface SignupDigestInput {
  /** The organizer's language. */
  locale: Locale;
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

/** One email a day instead of one per sign-up: who joined which exchange since the last digest. */
export function signupDigestNotice(input: SignupDigestInput): RenderedEmail {
  const t = translator(input.locale);
  const total = input.exchanges.reduce((sum, e) => sum + e.signups.length, 0);
  const only = input.exchanges.length === 1 ? input.exchanges[0]! : null;
  const blocks: Block[] = [greeting(t, input.organizerName), { kind: 'para', parts: [t.t('mail.digest.intro', { count: total })] }];
  for (const exchange of input.exchanges) {
    blocks.push(
      { kind: 'para', parts: [t.t('mail.digest.exchange', { exchange: oneLine(exchange.name), count: exchange.participantCount })] },
      {
        kind: 'list',
        items: exchange.signups.map((s) => t.t(s.left ? 'mail.digest.signupLeft' : 'mail.digest.signup', { name: oneLine(s.name), at: t.shortDateTime(s.at, input.timezone) })),
      },
    );
  }
  blocks.push(...hintBlocks(t, input.adminHint));
  return renderEmail(
    {
      subject: subjectFor(t, only ? only.name : '', 'mail.digest.subject', { count: total }),
      preheader: t.t('mail.digest.preheader', { count: total }),
      blocks,
      footer: organizerFooter(t, only ? only.name : null),
    },
    t,
  );
}
