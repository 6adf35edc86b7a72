import { participantHosts } from '../services/network/addresses';
import { listen, type Listener } from '../http/listen';
import { createParticipantApp } from '../http/participant/app';
import type { Deps } from '../services/common/deps';
import { getSettings } from '../services/organizer/settings';

export const PARTICIPANT_PORT = 4317;

/**
 * The participants' pages on the LAN (port 4317, or the next free one), as the headless server
 * runs them; records the addresses in `deps.runtime.participantUrls` for links and the UI.
 */
export async function startParticipantServer(deps: Deps, options: { host?: string; port?: number } = {}): Promise<Listener> {
  const host = options.host ?? '0.0.0.0';
  let port = options.port ?? PARTICIPANT_PORT;
  const listener = await listen(
    createParticipantApp(deps, {
      allowedHosts: () => participantHosts({ bindHost: host, port, publicBaseUrl: getSettings(deps).publicBaseUrl }),
    }).fetch,
    { host, port, tryNext: 20 },
  );
  port = listener.port;
  const hosts = [...participantHosts({ bindHost: host, port, publicBaseUrl: null })];
  deps.runtime.participantUrls = hosts.filter((h) => !h.startsWith('[')).map((h) => `http://${h}`);
  return listener;
}
