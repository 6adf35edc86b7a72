import type { Bridge, OperationInput, OperationName, OperationOutput, Result } from '@contract';

declare global {
  interface Window {
    bridge?: Bridge;
  }
}

/** The renderer's one way to the core: IPC through the desktop preload. */
export async function call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<Result<OperationOutput<N>>> {
  if (!window.bridge) {
    return { ok: false, error: { code: 'unavailable', message: 'Open this window from the Sneaky Klaus app.' } };
  }
  return window.bridge.call(name, input);
}
