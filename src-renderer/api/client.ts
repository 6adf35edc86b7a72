import type { OperationInput, OperationName, OperationOutput, Result } from '@contract';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import { csrfToken, forgetSecret, takeSecret } from './secret';
import { passwordLoginOffered, signInWithPassword, signOut as endSession, type SignInResult } from './session';
import { isOffline, noTransport, type ClientEvent, type Transport } from './transport';

let transport: Transport = noTransport;
/** How the HTTP transport got in, so a refusal forgets the right thing and sign-out is offered. */
let httpAuth: 'secret' | 'session' | null = null;
let problemListener: (code: 'unauthorized' | 'unavailable' | null) => void = () => undefined;

const place = () => ({ location: window.location, history: window.history, lasting: window.localStorage, tab: window.sessionStorage });

/**
 * Chooses IPC when the desktop preload is there, else HTTP with the secret from the address (or
 * remembered from an earlier visit), else HTTP with a password session signed in earlier.
 */
export function connect(): Transport {
  httpAuth = null;
  if (window.bridge) {
    transport = createIpcTransport(window.bridge);
    return transport;
  }
  const secret = takeSecret(place());
  const csrf = csrfToken.get(window.localStorage);
  if (secret) {
    transport = createHttpTransport({ secret });
    httpAuth = 'secret';
  } else if (csrf) {
    transport = createHttpTransport({ csrfToken: csrf });
    httpAuth = 'session';
  } else transport = noTransport;
  return transport;
}

/** For tests and for `connect`. */
export function setTransport(next: Transport): void {
  transport = next;
}

export function transportKind(): Transport['kind'] {
  return transport.kind;
}

/** Signed in with the organizer password (so "Sign out" means something). */
export function signedInWithPassword(): boolean {
  return httpAuth === 'session';
}

export { passwordLoginOffered };

/** Password sign-in; on success every later call goes with the session cookie and CSRF token. */
export async function signIn(password: string): Promise<SignInResult> {
  const result = await signInWithPassword(password);
  if (result.ok) {
    csrfToken.set(window.localStorage, result.csrfToken);
    forgetSecret(place());
    transport = createHttpTransport({ csrfToken: result.csrfToken });
    httpAuth = 'session';
  }
  return result;
}

export async function signOut(): Promise<void> {
  const csrf = csrfToken.get(window.localStorage);
  if (csrf) await endSession(csrf);
  csrfToken.forget(window.localStorage);
  transport = noTransport;
  httpAuth = null;
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
  else if (result.error.code === 'unauthorized' && transport.kind !== 'ipc') {
    // A rotated secret or an expired session is of no more use: forget it so the page asks afresh.
    if (httpAuth === 'secret') forgetSecret(place());
    if (httpAuth === 'session') csrfToken.forget(window.localStorage);
    problemListener('unauthorized');
  }
  return result;
}

export function subscribe(listener: (event: ClientEvent) => void): () => void {
  return transport.subscribe(listener);
}

export type { ClientEvent, Transport } from './transport';
