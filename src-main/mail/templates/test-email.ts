import { formatInstant, oneLine } from './format';
import { renderEmail } from './layout';
import type { RenderedEmail } from './types';

export interface TestEmailInput {
  organizerName: string;
  /** Epoch ms, shown so the organizer can tell this test from an earlier one. */
  sentAt: number;
  timezone: string;
}

/** The "send test email" button's mail: proves the SMTP settings work end to end. */
export function testEmail(input: TestEmailInput): RenderedEmail {
  const name = oneLine(input.organizerName);
  const when = formatInstant(input.sentAt, input.timezone);
  return renderEmail({
    subject: 'Sneaky Klaus: test email',
    preheader: 'Your email settings work.',
    blocks: [
      { kind: 'heading', text: name ? `Hi ${name},` : 'Hello,' },
      { kind: 'para', parts: ['Good news: your email settings work. Sneaky Klaus can now send invitations, matches and reminders.'] },
      { kind: 'details', rows: [{ label: 'Sent', value: when }] },
      {
        kind: 'small',
        parts: ['If this landed in spam, mark it as “not spam” so that the participants’ emails are more likely to arrive too.'],
      },
    ],
    footer: 'Sent by Sneaky Klaus because someone pressed “Send test email” in its settings.',
  });
}
