import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OperationInput } from '../../../src-main/contract/operations';
import { EXCHANGE_FIELDS } from '../../../src-main/contract/exchanges';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

type Patch = OperationInput<'exchanges.update'>['patch'];

/** A valid new value for each field, different from exchangeInput()'s. */
const CHANGES: Required<Patch> = {
  name: 'Family Christmas, second try',
  description: 'Bring something homemade.',
  location: 'Grandma’s',
  budget: { amount: '20', currency: 'EUR' },
  maxParticipants: 50,
  registrationDeadline: '2026-12-12T20:00',
  exchangeAt: '2026-12-24T19:00',
  timezone: 'Europe/Paris',
  reminderDays: [5],
  matchMode: 'any',
  giftsPerPerson: 2,
  locale: 'de',
  avoidPastExchanges: 1,
  previousExchangeId: null,
  santaReveal: 'manual',
  santaRevealEmail: true,
};

describe('the exchange view says exactly which fields can change now', () => {
  let t: TestApp;
  let exchangeId: number;

  beforeEach(async () => {
    t = await createTestApp();
    exchangeId = (await t.ok('exchanges.create', exchangeInput())).id;
    for (const name of ['Ann', 'Bob', 'Cy', 'Dee']) await t.ok('participants.add', { exchangeId, name, email: `${name.toLowerCase()}@example.test` });
  });
  afterEach(() => t.close());

  async function expectViewMatchesUpdate(): Promise<void> {
    const view = await t.ok('exchanges.get', { exchangeId });
    expect(new Set(EXCHANGE_FIELDS)).toEqual(new Set(Object.keys(CHANGES)));
    for (const field of EXCHANGE_FIELDS) {
      const result = await t.call('exchanges.update', { exchangeId, patch: { [field]: CHANGES[field] } });
      const accepted = result.ok;
      expect({ field, accepted, state: view.state }).toEqual({ field, accepted: view.editableFields.includes(field), state: view.state });
      if (!result.ok) expect(result.error.message).toMatch(/cannot change|can no longer be changed/);
    }
    expect(view.lockedReason === null).toBe(view.editableFields.length === EXCHANGE_FIELDS.length);
  }

  it('before the draw: everything', async () => {
    await expectViewMatchesUpdate();
    expect((await t.ok('exchanges.get', { exchangeId })).editableFields).toHaveLength(EXCHANGE_FIELDS.length);
  });

  it('after the draw: details and dates, not the matching rules, with the reason', async () => {
    await t.ok('exchanges.transition', { exchangeId, action: 'open' });
    await t.ok('exchanges.transition', { exchangeId, action: 'close' });
    await t.ok('exchanges.draw', { exchangeId });
    const view = await t.ok('exchanges.get', { exchangeId });
    expect(view.editableFields).not.toContain('matchMode');
    expect(view.editableFields).toContain('exchangeAt');
    expect(view.lockedReason).toMatch(/Undo the draw first/);
    await expectViewMatchesUpdate();
  });

  it('cancelled: nothing, with the reason', async () => {
    await t.ok('exchanges.transition', { exchangeId, action: 'cancel' });
    const view = await t.ok('exchanges.get', { exchangeId });
    expect(view.editableFields).toEqual([]);
    expect(view.lockedReason).toMatch(/cancelled/);
    await expectViewMatchesUpdate();
  });
});
