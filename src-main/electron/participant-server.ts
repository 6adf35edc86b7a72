import { participantHosts } from '../services/addresses';
import { participantUrlsFor } from '../http/hosts';
import { listen, type Listener } from '../http/listen';
import { createParticipantApp } from '../http/participant/app';
import type { Deps } from '../services/deps';
import { getSettings } from '../services/settings';

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
  deps.runtime.participantUrls = participantUrlsFor(participantHosts({ bindHost: host, port, publicBaseUrl: null }));
  return listener;
}
