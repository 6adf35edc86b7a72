import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

describe('exchanges through dispatch', () => {
  it('creates a draft with local times in its zone and an unguessable invite code', async () => {
    const e = await t.ok('exchanges.create', exchangeInput());
    expect(e.state).toBe('draft');
    expect(e.exchangeAt).toBe('2026-12-24T18:00');
    expect(e.exchangeAtUtc).toBe(Date.parse('2026-12-24T17:00:00Z'));
    expect(e.registrationDeadlineAt).toBe(Date.parse('2026-12-10T19:00:00Z'));
    expect(e.inviteCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(e.reminderDays).toEqual([7, 3, 1]);
    // A hand-made list can be drawn straight from the draft (issue #17).
    expect(e.allowedActions).toEqual(['open', 'draw', 'cancel']);
    const other = await t.ok('exchanges.create', exchangeInput({ name: 'Office' }));
    expect(other.inviteCode).not.toBe(e.inviteCode);
    expect((await t.ok('exchanges.list', {})).map((x) => x.name).sort()).toEqual(['Family Christmas 2026', 'Office']);
  });

  it.each([
    [{ name: '  ' }, 'name', /name/],
    [{ exchangeAt: '2026-02-30T18:00' }, 'exchangeAt', /not a real date/],
    [{ exchangeAt: '2026-10-01T18:00' }, 'exchangeAt', /in the past/],
    [{ registrationDeadline: '2026-12-25T10:00' }, 'registrationDeadline', /before the exchange/],
    [{ registrationDeadline: '2026-10-25T10:00' }, 'registrationDeadline', /in the past/],
    [{ timezone: 'Mars/Olympus' }, 'timezone', /Unknown timezone/],
    [{ budget: { amount: '-5', currency: 'EUR' } }, 'budget.amount', /amount/],
    [{ budget: { amount: '5', currency: 'euro' } }, 'budget.currency', /three-letter/],
    [{ reminderDays: [0] }, 'reminderDays.0', /at least 1 day/],
    [{ matchMode: 'random' }, 'matchMode', /single-loop/],
    [{ previousExchangeId: 999 }, 'previousExchangeId', /no longer exists/],
  ])('refuses %j naming the field, and saves nothing', async (override, path, message) => {
    const result = await t.call('exchanges.create', { ...exchangeInput(), ...override } as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues?.map((i) => i.path)).toContain(path);
    expect(result.error.message).toMatch(message);
    expect(await t.ok('exchanges.list', {})).toEqual([]);
  });

  it('walks the states: open, close, reopen, unpublish, cancel, delete', async () => {
    const { id } = await t.ok('exchanges.create', exchangeInput());
    const transition = (action: 'open' | 'close' | 'reopen' | 'unpublish' | 'cancel') => t.call('exchanges.transition', { exchangeId: id, action });
    expect((await transition('open')).ok && (await t.ok('exchanges.get', { exchangeId: id })).state).toBe('registration_open');
    await t.ok('exchanges.transition', { exchangeId: id, action: 'close' });
    await t.ok('exchanges.transition', { exchangeId: id, action: 'reopen' });
    await t.ok('exchanges.transition', { exchangeId: id, action: 'unpublish' });
    expect((await t.ok('exchanges.get', { exchangeId: id })).state).toBe('draft');
    const refused = await transition('close');
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_state', message: expect.stringMatching(/only be closed while it is open/) } });
    const cancelled = await t.ok('exchanges.transition', { exchangeId: id, action: 'cancel' });
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.cancelledAt).toBe(t.clock.now());
    expect(await transition('open')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/cancelled/) } });
    expect(await t.ok('exchanges.delete', { exchangeId: id })).toEqual({ done: true });
    expect(await t.call('exchanges.get', { exchangeId: id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('will not open registration once the deadline has passed', async () => {
    const { id } = await t.ok('exchanges.create', exchangeInput());
    t.clock.set('2026-12-11T00:00:00Z');
    expect(await t.call('exchanges.transition', { exchangeId: id, action: 'open' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_state', message: expect.stringMatching(/deadline has passed/) },
    });
  });

  it('refuses to delete an exchange people may be waiting for', async () => {
    const { id } = await t.ok('exchanges.create', exchangeInput());
    await t.ok('exchanges.transition', { exchangeId: id, action: 'open' });
    expect(await t.call('exchanges.delete', { exchangeId: id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_state', message: expect.stringMatching(/Cancel the exchange/) },
    });
  });

  it('edits details, keeps wall-clock times when the zone changes', async () => {
    const { id } = await t.ok('exchanges.create', exchangeInput());
    const edited = await t.ok('exchanges.update', { exchangeId: id, patch: { name: 'Xmas', timezone: 'America/New_York', reminderDays: [1, 7, 7] } });
    expect(edited.name).toBe('Xmas');
    expect(edited.exchangeAt).toBe('2026-12-24T18:00');
    expect(edited.exchangeAtUtc).toBe(Date.parse('2026-12-24T23:00:00Z'));
    expect(edited.registrationDeadline).toBe('2026-12-10T20:00');
    expect(edited.reminderDays).toEqual([7, 1]);
    expect(edited.updatedAt).toBe(t.clock.now());
  });

  it('refuses edits the state forbids, and half-saves nothing', async () => {
    const { id } = await t.ok('exchanges.create', exchangeInput());
    await t.ok('exchanges.transition', { exchangeId: id, action: 'cancel' });
    const result = await t.call('exchanges.update', { exchangeId: id, patch: { name: 'New name' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect((await t.ok('exchanges.get', { exchangeId: id })).name).toBe('Family Christmas 2026');

    const { id: other } = await t.ok('exchanges.create', exchangeInput({ name: 'Other' }));
    const bad = await t.call('exchanges.update', { exchangeId: other, patch: { name: 'Renamed', exchangeAt: '2020-01-01T10:00' } });
    expect(bad).toMatchObject({ ok: false, error: { issues: [{ path: 'exchangeAt' }] } });
    expect((await t.ok('exchanges.get', { exchangeId: other })).name).toBe('Other');
  });

  it('will not lower the participant limit below the people already in', async () => {
    const { id } = await t.ok('exchanges.create', exchangeInput());
    for (const name of ['Ann', 'Bob', 'Cy']) {
      await t.ok('participants.add', { exchangeId: id, name, email: `${name}@example.com` });
    }
    expect(await t.call('exchanges.update', { exchangeId: id, patch: { maxParticipants: 2 } })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'maxParticipants', message: expect.stringMatching(/3 people/) }] },
    });
  });

  it('emits a change event for open screens', async () => {
    const seen: string[] = [];
    t.deps.events.subscribe((e) => seen.push(e.type));
    const { id } = await t.ok('exchanges.create', exchangeInput());
    await t.ok('exchanges.transition', { exchangeId: id, action: 'open' });
    expect(seen).toEqual(['exchange.changed', 'exchange.changed']);
  });
});
