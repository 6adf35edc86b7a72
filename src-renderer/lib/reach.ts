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

const LOOPBACK_TEXT: Record<LoopbackCause, string> = {
  'link-choice': 'Phones and other computers cannot open an address that starts with localhost or 127.0.0.1. Use one of the choices below before you invite people.',
  'listens-locally':
    'The participants’ pages only listen on this computer itself (it was started with a loopback --host). Restart it without that option so phones on your Wi-Fi can reach it, or use a tunnel, before you invite people.',
  'no-network': 'This computer is not connected to a network that others can reach. Connect it to your Wi-Fi, or use a tunnel, before you invite people.',
};

/** The plain-words verdict shown next to the link address. */
export function reachCopy(reach: LinkReach, cause: LoopbackCause): ReachCopy {
  switch (reach) {
    case 'this-computer':
      return { tone: 'warn', title: 'These links only open on this computer.', text: LOOPBACK_TEXT[cause] };
    case 'same-network':
      return {
        tone: 'info',
        title: 'These links open on phones and computers connected to the same Wi-Fi as this computer.',
        text: 'Relatives at their own homes cannot open them. If anyone taking part lives elsewhere, use a tunnel.',
      };
    case 'anywhere':
      return {
        tone: 'success',
        title: 'These links open from anywhere.',
        text: 'They work while this computer is on and Sneaky Klaus is running.',
      };
  }
}
