import { describe, expect, it } from 'vitest';
import { revealsMatch } from '../../../src-renderer/lib/blind';
import { csvFileName, svgDataUrl } from '../../../src-renderer/lib/download';
import { convertExchangeForm, editablePatch, emptyExchangeForm, exchangeFieldError, exchangeFormValues } from '../../../src-renderer/lib/exchange-form';
import { formatLocal, jobLabel, relativeTime } from '../../../src-renderer/lib/format';
import { nextStep } from '../../../src-renderer/lib/exchange-copy';
import { invitedText } from '../../../src-renderer/lib/invite-text';
import { formErrors } from '../../../src-renderer/lib/issues';
import { batchDone, nextBatch } from '../../../src-renderer/lib/progress';
import { parseRoute, routeHref } from '../../../src-renderer/lib/route';
import { exchangeView } from './builders';

describe('formErrors: issues by path onto form fields', () => {
  const fields = ['name', 'budget', 'budget.amount', 'exchangeAt'] as const;

  it('places each issue on its field, stripping the operation prefix, and keeps the first message per field', () => {
    const errors = formErrors(
      {
        code: 'invalid_input',
        message: 'patch.name: Give the exchange a name. (and 2 more)',
        issues: [
          { path: 'patch.name', message: 'Give the exchange a name.' },
          { path: 'patch.name', message: 'second message' },
          { path: 'patch.budget.amount', message: 'Expected an amount like 25 or 25.50.' },
        ],
      },
      { prefix: 'patch.', fields },
    );
    expect(errors.fields).toEqual({ name: 'Give the exchange a name.', 'budget.amount': 'Expected an amount like 25 or 25.50.' });
    expect(errors.general).toBe('Please check the fields marked below.');
  });

  it('falls back to the nearest parent field, and to the general message for unknown paths', () => {
    const errors = formErrors(
      {
        code: 'invalid_input',
        message: 'x',
        issues: [
          { path: 'budget.currency', message: 'Use a three-letter currency code.' },
          { path: 'rows.3.email', message: 'Row 3 has no email.' },
        ],
      },
      { fields },
    );
    expect(errors.fields).toEqual({ budget: 'Use a three-letter currency code.' });
    expect(errors.general).toBe('Row 3 has no email.');
  });

  it('uses the error message when there are no issues (conflicts, state errors)', () => {
    expect(formErrors({ code: 'invalid_state', message: 'Names were already drawn.' }, { fields })).toEqual({ general: 'Names were already drawn.', fields: {} });
  });
});

describe('formatting', () => {
  it('writes a local wall-clock time without converting zones', () => {
    expect(formatLocal('2026-12-24T18:00')).toBe('Thursday, 24 December 2026, 18:00');
    expect(formatLocal('not a date')).toBe('not a date');
  });

  it('says when something happens relative to now', () => {
    const now = Date.UTC(2026, 11, 1);
    expect(relativeTime(now + 3 * 86_400_000, now)).toBe('in 3 days');
    expect(relativeTime(now - 2 * 3_600_000, now)).toBe('2 hours ago');
    expect(relativeTime(now + 1000, now)).toBe('in less than a minute');
    expect(relativeTime(now + 1481 * 86_400_000, now)).toBe('in 4 years');
    expect(relativeTime(now + 40 * 86_400_000, now)).toBe('in 40 days');
    expect(relativeTime(now + 90 * 86_400_000, now)).toBe('in 3 months');
  });

  it('names jobs in words', () => {
    expect(jobLabel('registration-close')).toBe('Close registration');
    expect(jobLabel('something-new')).toBe('something-new');
  });

  it('names a CSV export after the exchange', () => {
    expect(csvFileName('Família Christmas 2026!')).toBe('familia-christmas-2026-participants.csv');
    expect(csvFileName('🎄')).toBe('exchange-participants.csv');
  });

  it('turns SVG markup into an image data URL (UTF-8 safe)', () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><title>Ä</title></svg>');
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1]!, 'base64').toString('utf8')).toContain('<title>Ä</title>');
  });

  it('knows which emails name a giftee', () => {
    expect(revealsMatch('match')).toBe(true);
    expect(revealsMatch('reminder')).toBe(true);
    expect(revealsMatch('welcome')).toBe(false);
  });
});

describe('routes', () => {
  it('round-trips every screen through the URL fragment', () => {
    for (const hash of ['#/exchanges', '#/exchanges/new', '#/exchanges/7', '#/exchanges/7/rules', '#/outbox', '#/jobs', '#/settings']) {
      expect(routeHref(parseRoute(hash))).toBe(hash);
    }
    expect(parseRoute('')).toEqual({ page: 'exchanges' });
    expect(parseRoute('#/exchanges/abc')).toEqual({ page: 'exchanges' });
    expect(parseRoute('#/exchanges/3/nonsense')).toEqual({ page: 'exchange', exchangeId: 3, tab: 'overview' });
  });
});

describe('exchange form', () => {
  it('converts inputs and names what is not a number', () => {
    const values = { ...emptyExchangeForm({ timezone: 'UTC', currency: 'EUR', reminderDays: [7, 1] }), name: 'Office', exchangeAt: '2030-12-18T17:00', budgetAmount: '20' };
    const converted = convertExchangeForm(values, Date.UTC(2026, 0, 1));
    expect(converted.ok && converted.fields).toMatchObject({
      name: 'Office',
      budget: { amount: '20', currency: 'EUR' },
      reminderDays: [7, 1],
      maxParticipants: null,
      registrationDeadline: null,
    });
    const bad = convertExchangeForm({ ...values, reminderDays: '7, soon', maxParticipants: 'ten' }, Date.UTC(2026, 0, 1));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors.fields).sort()).toEqual(['maxParticipants', 'reminderDays']);
  });

  it('sends only the fields the exchange view says can change', () => {
    const patch = editablePatch({ name: 'New', exchangeAt: '2030-12-20T10:00', matchMode: 'any' }, ['name', 'exchangeAt']);
    expect(patch).toEqual({ name: 'New', exchangeAt: '2030-12-20T10:00' });
  });

  it('fills the form from a view and routes budget issues to the budget inputs', () => {
    expect(exchangeFormValues(exchangeView()).budgetAmount).toBe('25');
    const errors = { general: null, fields: { 'budget.currency': 'Three letters.' } };
    expect(exchangeFieldError(errors, 'budgetCurrency')).toBe('Three letters.');
  });
});

describe('sending progress', () => {
  it('follows one batch from start to end, growing when more mail is queued', () => {
    let batch = nextBatch(null, { queued: 10, sending: 0, sent: 5, failed: 0 });
    expect(batch).toEqual({ total: 10, doneAtStart: 5 });
    batch = nextBatch(batch, { queued: 6, sending: 1, sent: 8, failed: 0 });
    expect(batch && batchDone(batch, { queued: 6, sending: 1, sent: 8, failed: 0 })).toBe(3);
    batch = nextBatch(batch, { queued: 12, sending: 0, sent: 9, failed: 1 });
    expect(batch?.total).toBe(17);
    expect(nextBatch(batch, { queued: 0, sending: 0, sent: 22, failed: 1 })).toBeNull();
  });
});

describe('invitations and the next step (issue 17)', () => {
  it('says how many were invited, who was left out, and that the emails wait as previews without mail', () => {
    expect(invitedText({ invited: 3, alreadyInvited: 0, participantIds: [1, 2, 3], smtpConfigured: false })).toBe(
      'Invited 3 people: each gets a welcome email with their own link, to add gift ideas before the draw. Mail is not set up yet, so the emails wait in the outbox as previews: copy their links from there, or set up mail in Settings to send them.',
    );
    expect(invitedText({ invited: 1, alreadyInvited: 2, participantIds: [4], smtpConfigured: true })).toBe(
      'Invited 1 person: each gets a welcome email with their own link, to add gift ideas before the draw. 2 people were left out: invited before, or signed up themselves.',
    );
    expect(invitedText({ invited: 0, alreadyInvited: 1, participantIds: [], smtpConfigured: false })).toBe(
      'Nobody was left to invite. 1 person was left out: invited before, or signed up themselves.',
    );
  });

  it('never points to a Close registration button that is not shown', () => {
    expect(nextStep('draft', 5).text).not.toMatch(/close registration/i);
    expect(nextStep('draft', 5).title).toBe('Next: open registration, or draw names');
    expect(nextStep('registration_open', 5).text).toContain('or draw names: that closes it too');
  });
});
