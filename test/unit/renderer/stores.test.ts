import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshesFor } from '../../../src-renderer/app/events';
import { useConnection } from '../../../src-renderer/stores/connection';
import { useExchange } from '../../../src-renderer/stores/exchange';
import { useExchanges } from '../../../src-renderer/stores/exchanges';
import { nextJobByExchange } from '../../../src-renderer/stores/jobs';
import { useOutbox } from '../../../src-renderer/stores/outbox';
import { useParticipants } from '../../../src-renderer/stores/participants';
import { SLOW_CHECK_MS, useRules } from '../../../src-renderer/stores/rules';
import { useSettings } from '../../../src-renderer/stores/settings';
import { exchangeView, participant } from './builders';
import { installFakeTransport, refuse, type FakeTransport } from './fake-transport';

let api: FakeTransport;
const feasible = { feasible: true, mode: 'single-loop' as const, feasibleModes: ['single-loop' as const, 'any' as const], reason: null, participantIds: [], participantCount: 3 };
const emptyRules = { exchangeId: 1, pairs: [], oneWay: [], mustDraw: [], households: [], avoidPastExchanges: 0, avoidedExchanges: [] };

beforeEach(() => {
  api = installFakeTransport();
  useExchange.setState({ exchangeId: null, exchange: null, invite: null, revealed: null, error: null });
  useRules.setState({ exchangeId: null, rules: null, check: null, checkSlow: false, mode: null, error: null });
  useParticipants.setState({ exchangeId: null, list: null, error: null });
  useConnection.setState({ problem: null });
});

describe('exchanges store', () => {
  it('loads the list and refreshes it after creating, mapping refusals onto the form', async () => {
    api.on('exchanges.list', () => [{ id: 1, name: 'A', state: 'draft', exchangeAt: '2030-12-24T18:00', exchangeAtUtc: 0, timezone: 'UTC', participantCount: 0 }]);
    api.on('exchanges.create', (input) =>
      input.name === ''
        ? refuse({ code: 'invalid_input', message: 'name: Give the exchange a name.', issues: [{ path: 'name', message: 'Give the exchange a name.' }] })
        : exchangeView({ name: input.name }),
    );
    await useExchanges.getState().load();
    expect(useExchanges.getState().list).toHaveLength(1);

    const bad = await useExchanges.getState().create({ name: '', exchangeAt: '2030-12-24T18:00' });
    expect(bad.ok === false && bad.errors.fields).toEqual({ name: 'Give the exchange a name.' });
    const good = await useExchanges.getState().create({ name: 'Office', exchangeAt: '2030-12-24T18:00' });
    expect(good.ok).toBe(true);
    expect(api.names().filter((n) => n === 'exchanges.list')).toHaveLength(2);
  });
});

describe('exchange store', () => {
  beforeEach(() => {
    api.on('exchanges.get', () => exchangeView({ state: 'matched', allowedActions: ['undo-draw', 'cancel'] }));
    api.on('exchanges.inviteLink', () => ({ url: 'http://lan/i/abc', qrSvg: '<svg/>', expiresAt: null }));
  });

  it('opens an exchange with its invite link', async () => {
    await useExchange.getState().open(1);
    expect(useExchange.getState().exchange?.state).toBe('matched');
    expect(useExchange.getState().invite?.url).toBe('http://lan/i/abc');
  });

  it('asks for a second yes when undoing a draw people were already told about', async () => {
    api.on('exchanges.undoDraw', (input) =>
      input.confirm ? exchangeView({ state: 'registration_closed' }) : refuse({ code: 'conflict', message: '2 people were already told.', details: { alreadyNotified: 2 } }),
    );
    await useExchange.getState().open(1);
    const first = await useExchange.getState().undoDraw(false);
    expect(first).toEqual({ ok: false, needsConfirm: 2, message: '2 people were already told.' });
    expect(useExchange.getState().exchange?.state).toBe('matched');
    const second = await useExchange.getState().undoDraw(true);
    expect(second.ok).toBe(true);
    expect(useExchange.getState().exchange?.state).toBe('registration_closed');
  });

  it('reveals only with confirm: true, and forgets the reveal on hide', async () => {
    api.on('exchanges.reveal', () => ({ revealedAt: 5, pairs: [{ giverId: 1, giverName: 'Ann', receiverId: 2, receiverName: 'Bob' }] }));
    await useExchange.getState().open(1);
    expect(useExchange.getState().revealed).toBeNull();
    await useExchange.getState().reveal();
    expect(api.calls.find((c) => c.name === 'exchanges.reveal')?.input).toEqual({ exchangeId: 1, confirm: true });
    expect(useExchange.getState().revealed?.pairs).toHaveLength(1);
    useExchange.getState().hideReveal();
    expect(useExchange.getState().revealed).toBeNull();
  });

  it('ignores an answer for an exchange that is no longer on screen', async () => {
    let release: () => void = () => undefined;
    api.on('exchanges.get', (input) => exchangeView({ id: input.exchangeId, name: `X${input.exchangeId}` }));
    const slow = installFakeTransport();
    slow.on('exchanges.inviteLink', () => ({ url: 'u', qrSvg: '<svg/>', expiresAt: null }));
    slow.on('exchanges.get', (input) => exchangeView({ id: input.exchangeId, name: `X${input.exchangeId}` }));
    const original = slow.call.bind(slow);
    slow.call = async (name, input) => {
      if (name === 'exchanges.get' && (input as { exchangeId: number }).exchangeId === 1) await new Promise<void>((r) => (release = r));
      return original(name, input);
    };
    const first = useExchange.getState().open(1);
    await useExchange.getState().open(2);
    release();
    await first;
    expect(useExchange.getState().exchange?.name).toBe('X2');
  });
});

describe('rules store', () => {
  it('re-runs the feasibility check after every rule change', async () => {
    api.on('rules.get', () => emptyRules);
    api.on('draw.check', () => feasible);
    api.on('rules.createHousehold', (input) => ({ ...emptyRules, households: [{ id: 9, name: input.name, memberIds: input.memberIds }] }));
    await useRules.getState().open(1);
    api.calls.length = 0;
    const result = await useRules.getState().change('rules.createHousehold', { exchangeId: 1, name: 'Millers', memberIds: [1, 2] });
    expect(result.ok).toBe(true);
    expect(api.names()).toEqual(['rules.createHousehold', 'draw.check']);
    expect(useRules.getState().rules?.households).toHaveLength(1);
  });

  it('checks the mode the organizer is looking at', async () => {
    api.on('rules.get', () => emptyRules);
    api.on('draw.check', (input) => ({ ...feasible, mode: input.mode ?? 'single-loop' }));
    await useRules.getState().open(1);
    await useRules.getState().recheck('any');
    expect(api.calls.at(-1)?.input).toEqual({ exchangeId: 1, mode: 'any' });
    expect(useRules.getState().check?.mode).toBe('any');
  });

  describe('with a check that takes seconds', () => {
    afterEach(() => vi.useRealTimers());

    it('a rule is saved at once, and the answer for the rules before gives way to "checking" until the new one comes', async () => {
      vi.useFakeTimers();
      api.on('rules.get', () => emptyRules);
      api.on('rules.createHousehold', (input) => ({ ...emptyRules, households: [{ id: 9, name: input.name, memberIds: input.memberIds }] }));
      let answer: () => void = () => undefined;
      let checks = 0;
      api.on('draw.check', () => ({ ...feasible, participantCount: ++checks }));
      const original = api.call.bind(api);
      api.call = async (name, input) => {
        const result = original(name, input);
        if (name === 'draw.check' && checks > 1) await new Promise<void>((r) => (answer = r));
        return result;
      };
      await useRules.getState().open(1);
      expect(useRules.getState()).toMatchObject({ check: { participantCount: 1 }, checkSlow: false });

      const saved = await useRules.getState().change('rules.createHousehold', { exchangeId: 1, name: 'Millers', memberIds: [1, 2] });
      expect(saved.ok).toBe(true);
      expect(useRules.getState().rules?.households).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(SLOW_CHECK_MS - 50);
      expect(useRules.getState().checkSlow).toBe(false);
      await vi.advanceTimersByTimeAsync(100);
      expect(useRules.getState().checkSlow).toBe(true);
      answer();
      await vi.advanceTimersByTimeAsync(0);
      expect(useRules.getState()).toMatchObject({ check: { participantCount: 2 }, checkSlow: false });
    });
  });

  it('shows the latest check when an earlier one answers after it', async () => {
    api.on('rules.get', () => emptyRules);
    let checks = 0;
    let releaseFirst: () => void = () => undefined;
    api.on('draw.check', () => ({ ...feasible, participantCount: ++checks }));
    const original = api.call.bind(api);
    api.call = async (name, input) => {
      // The first check answers last, about the rules as they were.
      if (name === 'draw.check' && checks === 0) {
        const answer = original(name, input);
        await new Promise<void>((r) => (releaseFirst = r));
        return answer;
      }
      return original(name, input);
    };
    const first = useRules.getState().open(1);
    // The first check has been asked (and holds its answer back) before the rules change.
    await vi.waitFor(() => expect(checks).toBe(1));
    await useRules.getState().recheck();
    expect(useRules.getState().check?.participantCount).toBe(2);
    releaseFirst();
    await first;
    expect(useRules.getState().check?.participantCount).toBe(2);
  });
});

describe('participants store', () => {
  it('previews a CSV import without adding, then adds and refreshes', async () => {
    api.on('participants.list', () => [participant(1, 'Ann')]);
    api.on('participants.import', (input) => ({ rows: [{ line: 2, name: 'Ann', email: 'ann@x.test', giftIdeas: '', error: null }], added: input.dryRun ? 0 : 1 }));
    await useParticipants.getState().open(1);
    api.calls.length = 0;
    await useParticipants.getState().importCsv('name,email\nAnn,ann@x.test', true);
    expect(api.names()).toEqual(['participants.import']);
    await useParticipants.getState().importCsv('name,email\nAnn,ann@x.test', false);
    expect(api.names()).toEqual(['participants.import', 'participants.import', 'participants.list']);
  });

  it('maps update issues under patch. onto the form fields', async () => {
    api.on('participants.update', () => refuse({ code: 'invalid_input', message: 'x', issues: [{ path: 'patch.email', message: 'That is not an email address.' }] }));
    useParticipants.setState({ exchangeId: 1 });
    const result = await useParticipants.getState().update(1, { email: 'nope' });
    expect(result.ok === false && result.errors.fields).toEqual({ email: 'That is not an email address.' });
  });
});

describe('outbox and settings stores', () => {
  it('tracks a sending batch across status updates', async () => {
    let counts = { preview: 0, queued: 4, sending: 0, sent: 0, failed: 0, cancelled: 0 };
    api.on('outbox.list', () => []);
    api.on('outbox.status', () => ({ smtpConfigured: true, paused: false, notices: [], counts }));
    await useOutbox.getState().load();
    expect(useOutbox.getState().batch).toEqual({ total: 4, doneAtStart: 0 });
    counts = { ...counts, queued: 0, sent: 4 };
    await useOutbox.getState().load();
    expect(useOutbox.getState().batch).toBeNull();
  });

  it('puts settings issues on organizer fields', async () => {
    api.on('settings.update', () => refuse({ code: 'invalid_input', message: 'x', issues: [{ path: 'organizer.email', message: 'That is not an email address.' }] }));
    const result = await useSettings.getState().update({ organizer: { name: 'Kim', email: 'nope' } });
    expect(result.ok === false && result.errors.fields).toEqual({ 'organizer.email': 'That is not an email address.' });
  });
});

describe('connection problems and events', () => {
  it('reports a wrong secret to the shell, and clears it on the next success', async () => {
    api.on('settings.get', () => refuse({ code: 'unauthorized', message: 'Open the address printed by npm run serve.' }));
    await useSettings.getState().load();
    expect(useConnection.getState().problem).toBe('unauthorized');
    api.on('settings.get', () => ({}) as never);
    await useSettings.getState().load();
    expect(useConnection.getState().problem).toBeNull();
  });

  it('refreshes the participants of the open exchange only', () => {
    expect(refreshesFor({ type: 'participants.changed', exchangeId: 1 }, 1)).toHaveLength(5);
    expect(refreshesFor({ type: 'participants.changed', exchangeId: 2 }, 1)).toHaveLength(1);
    expect(refreshesFor({ type: 'outbox.changed' }, null)).toHaveLength(1);
    expect(refreshesFor({ type: 'connection.restored' }, null).length).toBeGreaterThan(5);
  });

  it('keeps the soonest job of each exchange', () => {
    const jobs = [
      { job: 'reminders' as const, group: 'exchange' as const, exchangeId: 1, exchangeName: 'A', dueAt: 30, detail: '' },
      { job: 'registration-close' as const, group: 'exchange' as const, exchangeId: 1, exchangeName: 'A', dueAt: 10, detail: '' },
      { job: 'token-cleanup' as const, group: 'maintenance' as const, exchangeId: null, exchangeName: null, dueAt: 1, detail: '' },
    ];
    const next = nextJobByExchange(jobs);
    expect(next.get(1)?.job).toBe('registration-close');
    expect(next.size).toBe(1);
  });
});
