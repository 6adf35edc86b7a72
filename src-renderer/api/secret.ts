const KEY = 'sneaky-klaus.admin-secret';
const CSRF_KEY = 'sneaky-klaus.admin-csrf';

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SecretPlace {
  location: { hash: string; pathname: string; search: string; hostname: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  /** Survives closing the browser (window.localStorage). */
  lasting: KeyValue;
  /** This tab only (window.sessionStorage). */
  tab: KeyValue;
}

/** The organizer screens opened through this computer's loopback address (not from the network). */
export function isLoopbackPage(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * Where the secret is kept. On loopback it is localStorage: the secret is now stable across
 * restarts (kept in the data folder), so remembering it is what makes a bookmark of
 * `http://127.0.0.1:4318/` work; only programs already running as a user of this computer can
 * reach a loopback page, and they could read the secret file too. A page opened over the network
 * keeps it for the tab only, since the browser there may be shared.
 */
function secretStorage(place: SecretPlace): KeyValue {
  return isLoopbackPage(place.location.hostname) ? place.lasting : place.tab;
}

/**
 * The headless server prints `http://127.0.0.1:<port>/#secret=<secret>`. Takes the secret out of
 * the fragment (so it is not left in the address bar or history), keeps it (see secretStorage),
 * and returns it; later loads find it there.
 */
export function takeSecret(place: SecretPlace): string | null {
  const params = new URLSearchParams(place.location.hash.replace(/^#/, ''));
  const fromHash = params.get('secret');
  const storage = secretStorage(place);
  if (fromHash) {
    storage.setItem(KEY, fromHash);
    place.history.replaceState(null, '', `${place.location.pathname}${place.location.search}#/exchanges`);
    return fromHash;
  }
  return storage.getItem(KEY);
}

/** A secret that was refused (rotated with --new-admin-secret) is forgotten, so the page asks again. */
export function forgetSecret(place: Pick<SecretPlace, 'lasting' | 'tab'>): void {
  place.lasting.removeItem(KEY);
  place.tab.removeItem(KEY);
}

/**
 * The CSRF token of a password sign-in. Not a credential on its own (the session is the
 * httpOnly cookie), so it can outlive the tab like the cookie does.
 */
export const csrfToken = {
  get: (storage: KeyValue): string | null => storage.getItem(CSRF_KEY),
  set: (storage: KeyValue, token: string): void => storage.setItem(CSRF_KEY, token),
  forget: (storage: KeyValue): void => storage.removeItem(CSRF_KEY),
};
