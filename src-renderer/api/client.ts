import type { OperationInput, OperationName, OperationOutput, Result } from '@contract';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import { takeSecret } from './secret';
import { isOffline, noTransport, type ClientEvent, type Transport } from './transport';

let transport: Transport = noTransport;
let problemListener: (code: 'unauthorized' | 'unavailable' | null) => void = () => undefined;

/** Chooses IPC when the desktop preload is there, else HTTP with the secret from the address. */
export function connect(): Transport {
  if (window.bridge) transport = createIpcTransport(window.bridge);
  else {
    const secret = takeSecret({ location: window.location, history: window.history, storage: window.sessionStorage });
    transport = secret ? createHttpTransport({ secret }) : noTransport;
  }
  return transport;
}

/** For tests and for `connect`. */
export function setTransport(next: Transport): void {
  transport = next;
}

export function transportKind(): Transport['kind'] {
  return transport.kind;
}

/** The app shell hears about lost authorization and a silent server, whichever store hit it. */
export function onConnectionProblem(listener: (code: 'unauthorized' | 'unavailable' | null) => void): void {
  problemListener = listener;
}

/** The renderer's one way to the core. Typed by the contract; errors come back as data. */
export async function call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<Result<OperationOutput<N>>> {
  const result = (await transport.call(name, input)) as Result<OperationOutput<N>>;
  if (result.ok) problemListener(null);
  else if (isOffline(result.error)) problemListener('unavailable');
  else if (result.error.code === 'unauthorized' && transport.kind !== 'ipc') problemListener('unauthorized');
  return result;
}

export function subscribe(listener: (event: ClientEvent) => void): () => void {
  return transport.subscribe(listener);
}

export type { ClientEvent, Transport } from './transport';
