import type { IpcMainInvokeEvent } from 'electron';

/**
 * The one sender check in front of the rpc channel: only the app's own window, showing the app's
 * own page, may call. A null senderFrame (frame gone) is refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, trusted: { webContentsId: number | null; rendererUrl: string }): boolean {
  if (trusted.webContentsId === null || event.sender.id !== trusted.webContentsId) return false;
  const frame = event.senderFrame;
  if (!frame) return false;
  return sameDocument(frame.url, trusted.rendererUrl);
}

function sameDocument(url: string, expected: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(expected);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}
