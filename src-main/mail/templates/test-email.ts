import { translator, type Locale } from '../../i18n';
import { oneLine } from './format';
import { greeting, renderEmail } from './layout';
import type { RenderedEmail } from './types';

export interface TestEmailInput {
  /** The organizer's language. */
  locale: Locale;
  organizerName: string;
  /** Epoch ms, shown so the organizer can tell this test from an earlier one. */
  sentAt: number;
  timezone: string;
}

/** The "send test email" button's mail: proves the SMTP settings work end to end. */
export function testEmail(input: TestEmailInput): RenderedEmail {
  const t = translator(input.locale);
  return renderEmail(
    {
      subject: oneLine(t.t('mail.test.subject')),
      preheader: t.t('mail.test.preheader'),
      blocks: [
        greeting(t, input.organizerName),
        { kind: 'para', parts: [t.t('mail.test.works')] },
        { kind: 'details', rows: [{ label: t.t('mail.test.sent'), value: t.dateTime(input.sentAt, input.timezone) }] },
        { kind: 'small', parts: [t.t('mail.test.spam')] },
      ],
      footer: t.t('mail.test.footer'),
    },
    t,
  );
}
