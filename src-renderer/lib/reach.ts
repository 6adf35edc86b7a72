import type { MessageKey, Translator } from '@i18n';
import { currentT } from './i18n';

/** Who can open the links Sneaky Klaus emails, judged from the network status the core reports. */
export interface NetworkFacts {
  lanAddresses: readonly string[];
  participantUrls: readonly string[];
  publicBaseUrl: string | null;
  linkBase: string;
  tunnel: { running: boolean; url: string | null };
}

/**
 * - `this-computer`: the links name this computer's own loopback address; no phone can open them.
 * - `same-network`: a home-network address; phones on the same Wi-Fi can, people elsewhere cannot.
 * - `anywhere`: a public address or a running tunnel.
 */
export type LinkReach = 'this-computer' | 'same-network' | 'anywhere';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|::1|0\.0\.0\.0)$/i;
const PRIVATE = /^(10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|169\.254\.\d+\.\d+|\[?f[cd][0-9a-f]{2}:.*|\[?fe80:.*)$/i;

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

export function isLoopbackUrl(url: string): boolean {
  const host = hostOf(url);
  return host === null || LOOPBACK.test(host);
}

/** A host only reachable inside a home network: a private IP, or a bare or `.local` machine name. */
function isHomeNetworkHost(host: string): boolean {
  return PRIVATE.test(host) || host.endsWith('.local') || !host.includes('.');
}

export function linkReach(network: NetworkFacts): LinkReach {
  const host = hostOf(network.linkBase);
  if (host === null || LOOPBACK.test(host)) return 'this-computer';
  if (network.tunnel.running && network.tunnel.url !== null && network.linkBase.startsWith(network.tunnel.url)) return 'anywhere';
  if (network.publicBaseUrl !== null && network.linkBase.startsWith(network.publicBaseUrl)) return 'anywhere';
  const bare = host.replace(/^\[|\]$/g, '');
  return network.lanAddresses.includes(bare) || isHomeNetworkHost(host) ? 'same-network' : 'anywhere';
}

/** The addresses another phone or computer on the same Wi-Fi could use: never loopback names. */
export function homeNetworkUrls(urls: readonly string[]): string[] {
  return urls.filter((url) => !isLoopbackUrl(url));
}

export interface ReachCopy {
  tone: 'warn' | 'info' | 'success';
  title: string;
  text: string;
}

/** Why no other device can open the pages, when none can. */
export type LoopbackCause = 'link-choice' | 'listens-locally' | 'no-network';

export function loopbackCause(network: NetworkFacts): LoopbackCause {
  if (homeNetworkUrls(network.participantUrls).length > 0) return 'link-choice';
  return network.lanAddresses.length > 0 ? 'listens-locally' : 'no-network';
}

const LOOPBACK_KEYS: Record<LoopbackCause, MessageKey> = {
  'link-choice': 'parts.reach.loopbackLinkChoice',
  'listens-locally': 'parts.reach.loopbackListensLocally',
  'no-network': 'parts.reach.loopbackNoNetwork',
};

/** The plain-words verdict shown next to the link address. */
export function reachCopy(reach: LinkReach, cause: LoopbackCause, t: Translator = currentT()): ReachCopy {
  switch (reach) {
    case 'this-computer':
      return { tone: 'warn', title: t.t('parts.reach.thisComputerTitle'), text: t.t(LOOPBACK_KEYS[cause]) };
    case 'same-network':
      return { tone: 'info', title: t.t('parts.reach.sameNetworkTitle'), text: t.t('parts.reach.sameNetworkText') };
    case 'anywhere':
      return { tone: 'success', title: t.t('parts.reach.anywhereTitle'), text: t.t('parts.reach.anywhereText') };
  }
}
