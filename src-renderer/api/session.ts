import type { ErrorBody } from '@contract';
import { offlineMessage, unreadableMessage } from './transport';

export type Fetch = typeof fetch;

const doFetch: Fetch = (...args) => fetch(...args);

/** Whether the server offers password sign-in (only when its screens are reachable beyond loopback). */
export async function passwordLoginOffered(fetchImpl: Fetch = doFetch): Promise<boolean> {
  try {
    const response = await fetchImpl('/session', { credentials: 'same-origin' });
    if (!response.ok) return false;
    return ((await response.json()) as { passwordLogin?: unknown }).passwordLogin === true;
  } catch {
    return false;
  }
}

export type SignInResult = { ok: true; csrfToken: string } | { ok: false; error: ErrorBody };

/**
 * `POST /session {password}`: the server sets the httpOnly session cookie and answers the CSRF
 * token every later POST repeats. Its refusals (wrong password, too many attempts) come back as
 * the server worded them.
 */
export async function signInWithPassword(password: string, fetchImpl: Fetch = doFetch): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetchImpl('/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password }),
    });
  } catch {
    return { ok: false, error: { code: 'unavailable', message: offlineMessage() } };
  }
  type Answer = { ok?: boolean; value?: { csrfToken?: unknown }; error?: ErrorBody };
  const body = (await response.json().catch(() => null)) as Answer | null;
  if (body?.ok === true && typeof body.value?.csrfToken === 'string') return { ok: true, csrfToken: body.value.csrfToken };
  return { ok: false, error: body?.error ?? { code: 'internal', message: unreadableMessage(response.status) } };
}

/** `DELETE /session`: ends the session on the server and clears its cookie. */
export async function signOut(csrfToken: string, fetchImpl: Fetch = doFetch): Promise<void> {
  try {
    await fetchImpl('/session', { method: 'DELETE', credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken } });
  } catch {
    // Offline: the page forgets the token anyway, and the cookie ends with the browser session.
  }
}
