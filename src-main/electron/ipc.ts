import type { IpcMainInvokeEvent } from 'electron';
import type { AppEvent } from '../contract/events';
import type { Result } from '../contract/envelope';
import type { Logger } from '../log';
import { isSameDocument } from './navigation';

/** Who may call: the app's own window (by webContents id) showing the app's own page. */
export interface TrustedRenderer {
  webContentsId: number | null;
  rendererUrl: string;
}

export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * The one sender check in front of the rpc channel (GitHub Desktop once shipped theirs inverted):
 * only the app's own window, showing the app's own page, may call. A null senderFrame (the frame
 * navigated away or was destroyed) is refused.
 */
export function isTrustedSender(event: SenderEvent, trusted: TrustedRenderer): boolean {
  if (trusted.webContentsId === null || event.sender.id !== trusted.webContentsId) return false;
  const frame = event.senderFrame;
  if (!frame) return false;
  return isSameDocument(frame.url, trusted.rendererUrl);
}

export const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'unauthorized', message: 'Refused: this window may not call the organizer’s operations.' },
};

interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/**
 * The `rpc` channel: `invoke('rpc', name, input)` → dispatch, for trusted senders only. Payloads
 * are validated by dispatch against the operation's schema. Returns a function that removes it.
 */
export function registerRpc(
  ipcMain: IpcMainLike,
  options: {
    trusted: () => TrustedRenderer;
    dispatch: (name: string, input: unknown) => Promise<Result<unknown>>;
    log: Logger;
  },
): () => void {
  ipcMain.handle('rpc', async (event, name, input) => {
    if (!isTrustedSender(event, options.trusted())) {
      options.log.warn('refused an rpc call from an unknown sender', { senderId: event.sender.id, url: event.senderFrame?.url ?? null });
      return REFUSED;
    }
    return options.dispatch(typeof name === 'string' ? name : '', input);
  });
  return () => ipcMain.removeHandler('rpc');
}

interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** Pushes every core event to the window (`event` channel) while it exists. */
export function forwardEvents(events: { subscribe(listener: (event: AppEvent) => void): () => void }, target: () => EventTarget | null): () => void {
  return events.subscribe((appEvent) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send('event', appEvent);
  });
}
