import { isPublicBaseUrl } from '../../contract/values';
import type { Deps } from '../common/deps';
import { readSetting } from '../../db/repos/settings';

/**
 * The base of every link in an email: the configured public address (a tunnel), else the first
 * LAN address the server listens on. Never taken from a request's Host header: a forged Host header must never steer a link to another server.
 */
export function participantBaseUrl(deps: Deps): string {
  // Read alone (not through getSettings): a reminder fan-out asks once per participant.
  const configured = readSetting(deps.db, 'publicBaseUrl');
  if (typeof configured === 'string' && configured && usable(configured)) return configured;
  const urls = deps.runtime.participantUrls;
  const lan = urls.find((u) => !/\/\/(localhost|127\.|\[::1\])/.test(u));
  return lan ?? urls[0] ?? 'http://localhost:4317';
}

/** isPublicBaseUrl of the last address asked about: a fan-out asks about the same one thousands of times. */
let lastChecked: { url: string; ok: boolean } | null = null;
function usable(url: string): boolean {
  if (lastChecked?.url !== url) lastChecked = { url, ok: isPublicBaseUrl(url) };
  return lastChecked.ok;
}

/** The host of a Cloudflare quick tunnel (the one the app starts, tunnel.ts), as a RegExp source. */
export const QUICK_TUNNEL_HOST = '[a-z0-9-]+\\.trycloudflare\\.com';

export const links = {
  invite: (deps: Deps, inviteCode: string) => `${participantBaseUrl(deps)}/i/${inviteCode}`,
  auth: (deps: Deps, token: string) => `${participantBaseUrl(deps)}/auth/${token}`,
  login: (deps: Deps) => `${participantBaseUrl(deps)}/login`,
};
