import { describe, expect, it, vi } from 'vitest';
import { changeNotice, exchangeChanges, failureNotice, trayHintNotice, watchNotifications, type ExchangeSnapshot, type LooseEvent } from '../../../src-main/electron/notifications';
import { DesktopPreferencesSchema, type DesktopPreferences } from '../../../src-main/electron/preferences';
import { translator } from '../../../src-main/i18n';
import { silentLogger } from '../../../src-main/log';

const en = translator('en');

const all = DesktopPreferencesSchema.parse({});
const family = (over: Partial<ExchangeSnapshot> = {}): ExchangeSnapshot => ({ id: 1, name: 'Family 2026', state: 'registration_open', participantCount: 4, ...over });

describe('exchangeChanges', () => {
  it('finds new participants and a finished draw; ignores new exchanges and fewer people', () => {
    const before = new Map([
      [1, family()],
      [2, family({ id: 2, name: 'Office', state: 'registration_closed' })],
    ]);
    expect(
      exchangeChanges(before, [family({ participantCount: 6 }), family({ id: 2, name: 'Office', state: 'matched' }), family({ id: 3, name: 'New', participantCount: 9 })]),
    ).toEqual([
      { kind: 'joined', exchangeId: 1, exchangeName: 'Family 2026', added: 2, total: 6 },
      { kind: 'drawn', exchangeId: 2, exchangeName: 'Office' },
    ]);
    expect(exchangeChanges(before, [family({ participantCount: 3 })])).toEqual([]);
  });
});

describe('notices', () => {
  it('say what happened, each behind its switch', () => {
    const joined = { kind: 'joined' as const, exchangeId: 1, exchangeName: 'Family 2026', added: 1, total: 5 };
    expect(changeNotice(joined, all, en)).toEqual({ title: 'New registration', body: 'Someone joined Family 2026. 5 taking part now.' });
    expect(changeNotice({ ...joined, added: 2 }, all, en)?.title).toBe('2 new registrations');
    expect(changeNotice(joined, { ...all, notifyRegistrations: false }, en)).toBeNull();
    const drawn = { kind: 'drawn' as const, exchangeId: 1, exchangeName: 'Office' };
    expect(changeNotice(drawn, all, en)?.title).toBe('Names drawn');
    expect(changeNotice(drawn, { ...all, notifyDraws: false }, en)).toBeNull();
  });

  it('report delivery failures only when some failed', () => {
    expect(failureNotice({ type: 'outbox.changed', failed: 2, sent: 3 } as LooseEvent, all, en)).toEqual({
      title: '2 emails could not be sent',
      body: 'Open Sneaky Klaus to see why and send again.',
    });
    expect(failureNotice({ type: 'outbox.changed', failed: 1 }, all, en)?.title).toBe('An email could not be sent');
    expect(failureNotice({ type: 'outbox.changed', failed: 0 }, all, en)).toBeNull();
    expect(failureNotice({ type: 'outbox.changed' }, all, en)).toBeNull();
    expect(failureNotice({ type: 'outbox.changed', failed: 1 }, { ...all, notifyFailures: false }, en)).toBeNull();
  });

  it('speak the organizer’s language', () => {
    const es = translator('es');
    const de = translator('de');
    const joined = { kind: 'joined' as const, exchangeId: 1, exchangeName: 'Familia 2026', added: 2, total: 6 };
    expect(changeNotice(joined, all, es)).toEqual({ title: '2 inscripciones nuevas', body: '2 personas se han apuntado a Familia 2026. Ya participan 6 personas.' });
    expect(changeNotice({ ...joined, added: 1 }, all, de)).toEqual({ title: 'Neue Anmeldung', body: 'Jemand hat sich bei Familia 2026 angemeldet. Jetzt sind 6 Leute dabei.' });
    expect(failureNotice({ type: 'outbox.changed', failed: 1 }, all, es)?.title).toBe('No se ha podido enviar un correo');
    expect(trayHintNotice('darwin', es)).toEqual({
      title: 'Sneaky Klaus sigue abierto',
      body: 'Sneaky Klaus sigue funcionando en la barra de menús para que los enlaces sigan funcionando.',
    });
  });

  it('the tray hint names the menu bar on macOS', () => {
    expect(trayHintNotice('darwin', en).body).toBe('Sneaky Klaus keeps running in the menu bar so links keep working.');
    expect(trayHintNotice('win32', en).body).toBe('Sneaky Klaus keeps running in the tray so links keep working.');
  });
});

describe('watchNotifications', () => {
  const setup = (list: ExchangeSnapshot[], focused = false, prefs: DesktopPreferences = all) => {
    let listener: ((e: LooseEvent) => void) | undefined;
    const state = { list, focused };
    const notify = vi.fn();
    const watcher = watchNotifications({
      subscribe: (fn) => ((listener = fn), () => (listener = undefined)),
      listExchanges: async () => state.list,
      notify,
      preferences: () => prefs,
      locale: () => 'en' as const,
      windowFocused: () => state.focused,
      log: silentLogger,
    });
    const emit = async (event: LooseEvent) => {
      listener?.(event);
      await watcher.idle();
    };
    return { state, notify, emit, watcher };
  };

  it('notifies a registration that arrives while the organizer is away from the window', async () => {
    const { state, notify, emit, watcher } = setup([family()]);
    await watcher.idle();
    state.list = [family({ participantCount: 5 })];
    await emit({ type: 'participants.changed', exchangeId: 1 });
    expect(notify).toHaveBeenCalledWith({ title: 'New registration', body: 'Someone joined Family 2026. 5 taking part now.' });
  });

  it('stays quiet about people the organizer adds in the window', async () => {
    const { state, notify, emit, watcher } = setup([family()], true);
    await watcher.idle();
    state.list = [family({ participantCount: 5 })];
    await emit({ type: 'participants.changed', exchangeId: 1 });
    expect(notify).not.toHaveBeenCalled();
  });

  it('trusts participant.registered once the core sends it', async () => {
    const { state, notify, emit, watcher } = setup([family()], true);
    await watcher.idle();
    state.list = [family({ participantCount: 5 })];
    await emit({ type: 'participant.registered', exchangeId: 1 });
    expect(notify).toHaveBeenCalledTimes(1);
    state.focused = false;
    state.list = [family({ participantCount: 6 })];
    await emit({ type: 'participants.changed', exchangeId: 1 }); // the organizer's own addition
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('notifies a finished draw and delivery failures', async () => {
    const { state, notify, emit, watcher } = setup([family()], true);
    await watcher.idle();
    state.list = [family({ state: 'matched' })];
    await emit({ type: 'exchange.changed', exchangeId: 1 });
    await emit({ type: 'outbox.changed', failed: 1 });
    expect(notify.mock.calls.map((c) => c[0].title)).toEqual(['Names drawn', 'An email could not be sent']);
  });

  it('respects the switches', async () => {
    const { state, notify, emit, watcher } = setup([family()], false, { ...all, notifyDraws: false, notifyFailures: false, notifyRegistrations: false });
    await watcher.idle();
    state.list = [family({ state: 'matched', participantCount: 9 })];
    await emit({ type: 'exchange.changed', exchangeId: 1 });
    await emit({ type: 'outbox.changed', failed: 3 });
    expect(notify).not.toHaveBeenCalled();
  });

  it('survives a failing look at the exchanges', async () => {
    let fail = true;
    const notify = vi.fn();
    let listener: ((e: LooseEvent) => void) | undefined;
    const watcher = watchNotifications({
      subscribe: (fn) => ((listener = fn), () => undefined),
      listExchanges: async () => {
        if (fail) throw new Error('database closed');
        return [];
      },
      notify,
      preferences: () => all,
      locale: () => 'en' as const,
      windowFocused: () => false,
      log: silentLogger,
    });
    await watcher.idle();
    fail = false;
    listener?.({ type: 'outbox.changed', failed: 1 });
    await watcher.idle();
    expect(notify).toHaveBeenCalledTimes(1);
  });
});
