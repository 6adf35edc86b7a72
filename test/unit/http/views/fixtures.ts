import type { ExchangeView, InviteStatusReason, MePageModel, MeStage } from '../../../../src-main/http/participant/views';
import {
  checkInboxPage,
  continuePage,
  invitePage,
  inviteStatusPage,
  linkInvalidPage,
  loginPage,
  mePage,
  notFoundPage,
  rateLimitedPage,
  requestRefusedPage,
  serverErrorPage,
} from '../../../../src-main/http/participant/views';
import { translator } from '../../../../src-main/i18n';

const EN = translator('en');

/** 2026-12-01 09:00 Berlin; every page is rendered "as of" this instant. */
export const NOW = Date.parse('2026-12-01T08:00:00Z');
export const CSRF = 'csrf-token-123';
export const CODE = 'Ab3_invite-Code';

export function exchange(overrides: Partial<ExchangeView> = {}): ExchangeView {
  return {
    name: 'Family Christmas 2026',
    description: 'Our yearly Secret Santa.\nBring the gift wrapped, please!',
    exchangeAt: Date.parse('2026-12-19T17:00:00Z'),
    timezone: 'Europe/Berlin',
    location: 'Grandma’s house, Lindenstraße 4',
    budget: { amount: '25', currency: 'EUR' },
    registrationDeadlineAt: Date.parse('2026-12-10T22:59:00Z'),
    spotsLeft: 3,
    ...overrides,
  };
}

export function meModel(stage: MeStage, overrides: Partial<MePageModel> = {}): MePageModel {
  return {
    exchange: exchange(),
    participant: { name: 'Ann', email: 'ann@example.org', giftIdeas: 'Books\nWarm socks', reminders: true, locale: 'en' },
    stage,
    csrfToken: CSRF,
    now: NOW,
    deletionAt: Date.parse('2027-01-18T17:00:00Z'),
    ...overrides,
  };
}

export const MATCHED: MeStage = {
  kind: 'matched',
  receiver: { name: 'Bob', giftIdeas: 'A good novel\nhttps://example.com/wishlist?id=1&x=2\nDark chocolate' },
};

const REASONS: InviteStatusReason[] = ['not-open', 'closed', 'drawn', 'full', 'cancelled', 'unknown'];

export interface RenderedPage {
  name: string;
  html: string;
}

/** One rendering of every page and notable variant, for the structural and browser tests. */
export function allPages(): RenderedPage[] {
  return [
    { name: 'invite', html: invitePage(EN, { code: CODE, exchange: exchange(), csrfToken: CSRF, now: NOW }) },
    {
      name: 'invite-errors',
      html: invitePage(EN, {
        code: CODE,
        exchange: exchange({ spotsLeft: 1, budget: null, location: null }),
        csrfToken: CSRF,
        now: NOW,
        values: { name: '', email: 'ann@', giftIdeas: 'Books', reminders: false, locale: 'en' },
        errors: { name: 'Please enter your name.', email: 'This doesn’t look like an email address.' },
      }),
    },
    ...REASONS.map((reason) => ({
      name: `invite-status-${reason}`,
      html: inviteStatusPage(EN, { reason, exchangeName: 'Family Christmas 2026', code: CODE }),
    })),
    {
      name: 'check-inbox',
      html: checkInboxPage(EN, { reason: 'registered', linkValidMinutes: 1440, exchangeName: 'Family Christmas 2026', exchangeCode: CODE }),
    },
    { name: 'login', html: loginPage(EN, { csrfToken: CSRF, exchangeCode: CODE, exchangeName: 'Family Christmas 2026' }) },
    {
      name: 'login-error',
      html: loginPage(EN, { csrfToken: CSRF, exchangeCode: null, exchangeName: null, values: { email: 'x' }, errors: { email: 'Please enter a valid email address.' } }),
    },
    { name: 'continue', html: continuePage(EN, { token: 'tok_abc-123', csrfToken: CSRF, exchangeName: 'Family Christmas 2026' }) },
    { name: 'link-expired', html: linkInvalidPage(EN, { reason: 'expired', exchangeCode: CODE }) },
    { name: 'me-waiting', html: mePage(EN, meModel({ kind: 'waiting' }, { deletionAt: null })) },
    {
      name: 'me-matched',
      html: mePage(EN, meModel(MATCHED, { flash: { kind: 'success', message: 'Your gift ideas were saved.' } })),
    },
    {
      name: 'me-errors',
      html: mePage(
        EN,
        meModel(
          { kind: 'waiting' },
          {
            errors: { giftIdeas: 'Please keep your ideas under 2000 characters.', withdraw: 'Tick the box to confirm.' },
            flash: { kind: 'error', message: 'Nothing was changed.' },
          },
        ),
      ),
    },
    { name: 'me-completed', html: mePage(EN, meModel({ kind: 'completed', receiver: MATCHED.kind === 'matched' ? MATCHED.receiver : null })) },
    { name: 'me-cancelled', html: mePage(EN, meModel({ kind: 'cancelled' })) },
    { name: 'rate-limited', html: rateLimitedPage(EN, { retryAfterMinutes: 12 }) },
    { name: 'not-found', html: notFoundPage(EN) },
    { name: 'server-error', html: serverErrorPage(EN) },
    { name: 'request-refused', html: requestRefusedPage(EN) },
  ];
}
