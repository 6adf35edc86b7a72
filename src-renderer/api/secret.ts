const KEY = 'sneaky-klaus.admin-secret';

export interface SecretPlace {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * The headless server prints `http://127.0.0.1:<port>/#secret=<secret>`. Takes the secret out of
 * the fragment (so it is not left in the address bar or history), keeps it for this tab in
 * sessionStorage, and returns it; later loads of the tab find it there.
 */
export function takeSecret(place: SecretPlace): string | null {
  const params = new URLSearchParams(place.location.hash.replace(/^#/, ''));
  const fromHash = params.get('secret');
  if (fromHash) {
    place.storage.setItem(KEY, fromHash);
    place.history.replaceState(null, '', `${place.location.pathname}${place.location.search}#/exchanges`);
    return fromHash;
  }
  return place.storage.getItem(KEY);
}
