import { describe, expect, it, vi } from 'vitest';
import { forwardEvents, isTrustedSender, REFUSED, registerRpc, type SenderEvent } from '../../../src-main/electron/ipc';
import { silentLogger } from '../../../src-main/log';

const RENDERER = 'app://sneaky-klaus/index.html';
const trusted = { webContentsId: 7, rendererUrl: RENDERER };
const event = (id: number, url: string | null): SenderEvent => ({ sender: { id }, senderFrame: url === null ? null : { url } }) as unknown as SenderEvent;

describe('isTrustedSender', () => {
  it('accepts the app’s window showing the app’s page (a hash route too)', () => {
    expect(isTrustedSender(event(7, RENDERER), trusted)).toBe(true);
    expect(isTrustedSender(event(7, `${RENDERER}#/exchanges/3`), trusted)).toBe(true);
  });

  it('refuses another webContents, even showing the same page', () => {
    expect(isTrustedSender(event(8, RENDERER), trusted)).toBe(false);
  });

  it('refuses the app’s window when its frame shows another page', () => {
    expect(isTrustedSender(event(7, 'https://evil.example/index.html'), trusted)).toBe(false);
    expect(isTrustedSender(event(7, 'file:///tmp/index.html'), trusted)).toBe(false);
    // The bundle's old file: address is no longer the app's page.
    expect(isTrustedSender(event(7, 'file:///Applications/Sneaky%20Klaus.app/Contents/Resources/app.asar/out/renderer/index.html'), trusted)).toBe(false);
    expect(isTrustedSender(event(7, 'app://other-host/index.html'), trusted)).toBe(false);
    expect(isTrustedSender(event(7, 'app://sneaky-klaus/evil.html'), trusted)).toBe(false);
    expect(isTrustedSender(event(7, 'not a url'), trusted)).toBe(false);
  });

  it('refuses a null senderFrame and a missing window', () => {
    expect(isTrustedSender(event(7, null), trusted)).toBe(false);
    expect(isTrustedSender(event(7, RENDERER), { ...trusted, webContentsId: null })).toBe(false);
  });

  it('accepts exactly one of the cases (fails if the check is inverted)', () => {
    const verdicts = [event(7, RENDERER), event(8, RENDERER), event(7, 'https://evil.example/'), event(7, null)].map((e) => isTrustedSender(e, trusted));
    expect(verdicts).toEqual([true, false, false, false]);
  });

  it('works with the dev server URL', () => {
    const dev = { webContentsId: 1, rendererUrl: 'http://localhost:5173/' };
    expect(isTrustedSender(event(1, 'http://localhost:5173/'), dev)).toBe(true);
    expect(isTrustedSender(event(1, 'http://localhost:5174/'), dev)).toBe(false);
  });
});

describe('registerRpc', () => {
  const setup = () => {
    type Handler = Parameters<Parameters<typeof registerRpc>[0]['handle']>[1];
    let handler: Handler | undefined;
    const ipcMain = {
      handle: vi.fn((channel: string, fn: typeof handler) => {
        expect(channel).toBe('rpc');
        handler = fn;
      }),
      removeHandler: vi.fn(),
    };
    const dispatch = vi.fn(async (name: string, input: unknown) => ({ ok: true as const, value: { name, input } }));
    const dispose = registerRpc(ipcMain, { trusted: () => trusted, dispatch, log: silentLogger });
    const invoke = (e: SenderEvent, ...args: unknown[]) => handler?.(e as Parameters<Handler>[0], ...args);
    return { ipcMain, dispatch, dispose, invoke };
  };

  it('passes a trusted call to dispatch', async () => {
    const { dispatch, invoke } = setup();
    await expect(invoke(event(7, RENDERER), 'exchanges.list', {})).resolves.toEqual({ ok: true, value: { name: 'exchanges.list', input: {} } });
    expect(dispatch).toHaveBeenCalledWith('exchanges.list', {});
  });

  it('refuses an untrusted call without dispatching it', async () => {
    const { dispatch, invoke } = setup();
    await expect(invoke(event(8, RENDERER), 'exchanges.delete', { exchangeId: 1 })).resolves.toEqual(REFUSED);
    await expect(invoke(event(7, null), 'exchanges.list', {})).resolves.toEqual(REFUSED);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('hands a non-string name to dispatch as an unknown operation, and removes the handler on dispose', async () => {
    const { dispatch, invoke, dispose, ipcMain } = setup();
    await invoke(event(7, RENDERER), { evil: true }, {});
    expect(dispatch).toHaveBeenCalledWith('', {});
    dispose();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith('rpc');
  });
});

describe('forwardEvents', () => {
  it('sends core events on the event channel while the window lives', () => {
    let listener: ((e: { type: 'settings.changed' }) => void) | undefined;
    const events = { subscribe: vi.fn((fn: typeof listener) => ((listener = fn), () => undefined)) };
    const contents = { isDestroyed: vi.fn(() => false), send: vi.fn() };
    let target: typeof contents | null = contents;
    forwardEvents(events as never, () => target);
    listener?.({ type: 'settings.changed' });
    expect(contents.send).toHaveBeenCalledWith('event', { type: 'settings.changed' });
    contents.isDestroyed.mockReturnValue(true);
    listener?.({ type: 'settings.changed' });
    target = null;
    listener?.({ type: 'settings.changed' });
    expect(contents.send).toHaveBeenCalledTimes(1);
  });
});
