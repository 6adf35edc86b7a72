import { CreateExchangeInput } from '@contract';
import { describe, expect, it } from 'vitest';
import { defaultTimeZone, exchangeProblems, localNow } from '../../../src-renderer/lib/exchange-checks';
import { convertExchangeForm, emptyExchangeForm, exchangeErrorKeys, type ExchangeFormValues } from '../../../src-renderer/lib/exchange-form';
import { currentErrors, type FormErrors } from '../../../src-renderer/lib/issues';
import { lateness, runNowReport, runResult, runSummary, totalCounts } from '../../../src-renderer/lib/job-report';
import { homeNetworkUrls, linkReach, loopbackCause, reachCopy, type NetworkFacts } from '../../../src-renderer/lib/reach';
import { setupNeeded } from '../../../src-renderer/lib/setup';
import { issueText } from '../../../src-main/core/issues';
import { translator } from '../../../src-main/i18n';

const NOW = Date.UTC(2026, 11, 6, 12, 0);
const EMPTY = emptyExchangeForm({ timezone: 'Europe/Berlin', currency: 'EUR', reminderDays: [7, 3, 1] });
const VALID: ExchangeFormValues = { ...EMPTY, name: 'Family Christmas', exchangeAt: '2026-12-24T18:00' };

describe('exchange form checks: every problem at once', () => {
  it('names all four mistakes of a badly filled form in one go', () => {
    const problems = exchangeProblems({ ...EMPTY, name: ' ', budgetAmount: '25 euros', reminderDays: '7, 0', registrationDeadline: '2026-12-01T10:00', exchangeAt: '' }, NOW);
    expect(Object.keys(problems).sort()).toEqual(['budgetAmount', 'exchangeAt', 'name', 'registrationDeadline', 'reminderDays']);
    expect(problems.registrationDeadline).toBe('The registration deadline is in the past.');
  });

  it('checks the schedule in the exchange zone, like the core: past date, deadline after the date', () => {
    // 12:00 UTC is 13:00 in Berlin: 12:30 Berlin time has passed, 14:00 has not.
    expect(localNow(NOW, 'Europe/Berlin')).toBe('2026-12-06T13:00');
    expect(exchangeProblems({ ...VALID, exchangeAt: '2026-12-06T12:30' }, NOW)).toEqual({ exchangeAt: 'The exchange date is in the past.' });
    expect(exchangeProblems({ ...VALID, exchangeAt: '2026-12-06T14:00' }, NOW)).toEqual({});
    expect(exchangeProblems({ ...VALID, registrationDeadline: '2026-12-24T18:00' }, NOW)).toEqual({ registrationDeadline: 'Registration must close before the exchange date.' });
    expect(exchangeProblems({ ...VALID, timezone: 'Mars/Olympus' }, NOW)).toEqual({ timezone: 'Unknown timezone; use a name like Europe/Berlin or America/New_York.' });
  });

  it('uses the core’s own words for what its schema refuses', () => {
    const form = { ...VALID, name: '', budgetAmount: '1.234', budgetCurrency: 'euro', maxParticipants: '1', reminderDays: '90' };
    const ours = exchangeProblems(form, NOW);
    const core = CreateExchangeInput.safeParse({
      name: '',
      budget: { amount: '1.234', currency: 'EURO' },
      maxParticipants: 1,
      exchangeAt: VALID.exchangeAt,
      timezone: 'Europe/Berlin',
      reminderDays: [90],
    });
    expect(core.success).toBe(false);
    // The contract's messages are catalogue keys; the API words them (here in English) with issueText.
    const coreByPath = Object.fromEntries((core.error?.issues ?? []).map((i) => [i.path.join('.'), translator('en').text(issueText(i))]));
    expect(ours.name).toBe(coreByPath.name);
    expect(ours.budgetAmount).toBe(coreByPath['budget.amount']);
    expect(ours.budgetCurrency).toBe(coreByPath['budget.currency']);
    expect(ours.maxParticipants).toBe(coreByPath.maxParticipants);
    expect(ours.reminderDays).toBe(coreByPath['reminderDays.0']);
  });

  it('leaves out groups the exchange state no longer lets change', () => {
    expect(exchangeProblems({ ...VALID, exchangeAt: '2020-01-01T10:00' }, NOW, ['details'])).toEqual({});
    const converted = convertExchangeForm({ ...VALID, exchangeAt: '2020-01-01T10:00' }, NOW, ['details', 'matching']);
    expect(converted.ok).toBe(true);
  });

  it('says how many fields need fixing', () => {
    const converted = convertExchangeForm({ ...EMPTY }, NOW);
    expect(converted.ok).toBe(false);
    if (!converted.ok) expect(converted.errors.general).toBe('Please fix the 2 fields marked below.');
  });

  it('starts new exchanges in the computer’s zone unless the organizer chose one', () => {
    expect(defaultTimeZone('America/Chicago')).toBe('America/Chicago');
    expect(defaultTimeZone('UTC')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone === 'UTC' ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});

describe('currentErrors: a message goes once its field is changed', () => {
  const errors: FormErrors = {
    general: 'Please fix the 2 fields marked below.',
    summary: true,
    fields: { name: 'Give the exchange a name.', 'budget.amount': 'Expected an amount like 25 or 25.50.' },
  };

  it('keeps everything until something changes, then drops only the changed field', () => {
    expect(currentErrors(errors, VALID, VALID, exchangeErrorKeys)).toEqual(errors);
    const after = currentErrors(errors, VALID, { ...VALID, name: 'Office' }, exchangeErrorKeys);
    expect(after.fields).toEqual({ 'budget.amount': 'Expected an amount like 25 or 25.50.' });
    expect(after.general).toBe(errors.general);
  });

  it('drops the summary line with the last field message, but never a message about something else', () => {
    const fixed = { ...VALID, name: 'Office', budgetAmount: '20' };
    expect(currentErrors(errors, VALID, fixed, exchangeErrorKeys)).toMatchObject({ general: null, fields: {} });
    const conflict: FormErrors = { general: 'Names were already drawn.', fields: {} };
    expect(currentErrors(conflict, VALID, fixed, exchangeErrorKeys).general).toBe('Names were already drawn.');
  });
});

describe('job reports in words', () => {
  const run = (job: string, counts: Record<string, number>, outcome = 'ok', error: string | null = null) => ({ job, counts, outcome, error });

  const report = (runs: ReturnType<typeof run>[], message: string | null = null) => ({ runs, nothingDue: runs.length === 0, message });

  it("says nothing was due when no run happened, with the server's reason", () => {
    expect(runNowReport('Reminder emails', report([]))).toEqual({ tone: 'info', text: 'Reminder emails: nothing was due.' });
    expect(runNowReport('Reminder emails', report([], 'No reminder is due right now.'))).toEqual({ tone: 'info', text: 'Reminder emails: No reminder is due right now.' });
  });

  it('says how late a run started, and nothing for on-time or unscheduled runs', () => {
    const due = Date.parse('2026-12-21T17:00:00Z');
    expect(lateness({ scheduledFor: due, startedAt: due + 40_000 })).toBeNull();
    expect(lateness({ scheduledFor: due, startedAt: due + 3 * 3_600_000 })).toBe('late by 3 hours');
    expect(lateness({ scheduledFor: due, startedAt: due + 3 * 86_400_000 })).toBe('late by 3 days');
    expect(lateness({ scheduledFor: null, startedAt: due })).toBeNull();
  });

  it('shows what a failed run had done before the failure', () => {
    expect(runResult(run('data-purge', { warned: 0, purged: 2 }, 'failed', 'disk full'))).toBe('disk full Done before the failure: Deleted 2 old exchanges.');
    expect(runResult(run('data-purge', {}, 'failed', 'disk full'))).toBe('disk full');
  });

  it('counts reminders over every exchange, and says when none were due', () => {
    expect(
      runNowReport('Reminder emails', report([run('reminders', { queued: 2, skipped: 0, daysBefore: 3 }), run('reminders', { queued: 1, skipped: 0, daysBefore: 1 })])),
    ).toEqual({ tone: 'success', text: 'Reminder emails: Sent 3 reminders.' });
    expect(runSummary('reminders', { queued: 0, skipped: 0, daysBefore: 3 })).toBe('No reminders were due.');
    expect(runSummary('reminders', { queued: 0, skipped: 1, daysBefore: 7 })).toBe('No reminders were due. 1 missed reminder was skipped: it was due while the computer was off.');
    expect(runSummary('reminders', { queued: 2, skipped: 0, noEmail: 1, otherWay: 2 })).toBe(
      'Sent 2 reminders. 1 person without email got no reminder: there is no address to send it to. 2 people who learn their giftee at the table, on a card or through someone else got no reminder, so the surprise stays.',
    );
    expect(runSummary('reminders', { queued: 0, skipped: 0, otherWay: 1 })).toBe(
      'No reminder was sent. 1 person who learns their giftee at the table, on a card or through someone else got no reminder, so the surprise stays.',
    );
    expect(totalCounts([run('x', { a: 1 }), run('x', { a: 2, b: 1 })])).toEqual({ a: 3, b: 1 });
  });

  it('words the other jobs from their counts', () => {
    expect(runSummary('token-cleanup', { deleted: 0 })).toBe('No expired login links to remove.');
    expect(runSummary('token-cleanup', { deleted: 1 })).toBe('Removed 1 expired login link.');
    expect(runSummary('data-purge', { warned: 0, purged: 0, runsPruned: 0, backupsDeleted: 0 })).toBe('Nothing was old enough to delete.');
    expect(runSummary('data-purge', { warned: 0, purged: 2, runsPruned: 0, backupsDeleted: 1 })).toBe('Deleted 2 old exchanges. Removed 1 old backup.');
    expect(runSummary('registration-close', { closed: 0 })).toBe('No registration was due to close.');
    expect(runSummary('auto-complete', { completed: 1 })).toBe('Marked 1 exchange as completed.');
  });

  it('reports a failure first', () => {
    expect(runNowReport('Delete old data', report([run('data-purge', {}, 'failed', 'disk full')]))).toEqual({ tone: 'error', text: 'Delete old data failed: disk full' });
  });
});

describe('who can open the links', () => {
  const facts = (linkBase: string, more: Partial<NetworkFacts> = {}): NetworkFacts => ({
    lanAddresses: ['192.0.2.2'],
    participantUrls: ['http://localhost:4317', 'http://127.0.0.1:4317', 'http://192.0.2.2:4317'],
    publicBaseUrl: null,
    linkBase,
    tunnel: { running: false, url: null },
    ...more,
  });

  it('tells loopback, home network and public addresses apart', () => {
    expect(linkReach(facts('http://localhost:4317'))).toBe('this-computer');
    expect(linkReach(facts('http://127.0.0.1:4317'))).toBe('this-computer');
    expect(linkReach(facts('http://192.0.2.2:4317'))).toBe('same-network');
    expect(linkReach(facts('http://192.168.1.20:4317'))).toBe('same-network');
    expect(linkReach(facts('http://vm.local:4317'))).toBe('same-network');
    expect(linkReach(facts('https://santa.example.net', { publicBaseUrl: 'https://santa.example.net' }))).toBe('anywhere');
    expect(linkReach(facts('https://a-b.trycloudflare.com', { tunnel: { running: true, url: 'https://a-b.trycloudflare.com' } }))).toBe('anywhere');
  });

  it('never calls a loopback address a Wi-Fi address', () => {
    expect(homeNetworkUrls(['http://localhost:4317', 'http://127.0.0.1:4317', 'http://[::1]:4317'])).toEqual([]);
    expect(homeNetworkUrls(facts('x').participantUrls)).toEqual(['http://192.0.2.2:4317']);
    expect(reachCopy('this-computer', 'no-network')).toMatchObject({ tone: 'warn', title: 'These links only open on this computer.' });
  });

  it('says why no other device can open the pages', () => {
    const loopbackOnly = { participantUrls: ['http://localhost:4317', 'http://127.0.0.1:4317'], linkBase: 'http://localhost:4317' };
    expect(loopbackCause(facts('http://localhost:4317'))).toBe('link-choice');
    expect(loopbackCause(facts('', loopbackOnly))).toBe('listens-locally');
    expect(loopbackCause(facts('', { ...loopbackOnly, lanAddresses: [] }))).toBe('no-network');
    expect(reachCopy('this-computer', 'listens-locally').text).toMatch(/only listen on this computer/);
  });
});

describe('first-run wizard', () => {
  it('opens only when nothing at all is set up', () => {
    expect(setupNeeded({ setupComplete: false, organizer: null }, 0)).toBe(true);
    expect(setupNeeded({ setupComplete: false, organizer: null }, 1)).toBe(false);
    expect(setupNeeded({ setupComplete: false, organizer: { name: 'Olga', email: 'olga@example.test' } }, 0)).toBe(false);
    expect(setupNeeded({ setupComplete: true, organizer: null }, 0)).toBe(false);
  });
});
