import type { Bridge } from '@contract';
import type { Transport } from './transport';

/** The desktop app: `window.bridge` from the preload (a pipe with `call` and `onEvent`). */
export function createIpcTransport(bridge: Bridge): Transport {
  return {
    kind: 'ipc',
    call: (name, input) => bridge.call(name as never, input as never),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}

declare global {
  interface Window {
    /** Present only in the desktop app (exposed by the preload). */
    bridge?: Bridge;
  }
}
