import type { OperationOutput } from '../../contract/operations';
import { DomainError } from '../../core/errors';
import { lanAddresses } from './addresses';
import type { Deps } from '../common/deps';
import { participantBaseUrl } from './links';
import { getSettings } from '../organizer/settings';
import { cloudflaredAvailable, startTunnel, stopTunnel } from './tunnel';
import { writeSetting } from '../../db/repos/settings';
import { participantsMailedSince, recordLinksMoved } from '../mail/notices';

export function networkInfo(deps: Deps): OperationOutput<'network.info'> {
  const { tunnel } = deps.runtime;
  return {
    lanAddresses: lanAddresses(),
    participantUrls: deps.runtime.participantUrls,
    publicBaseUrl: getSettings(deps).publicBaseUrl,
    linkBase: participantBaseUrl(deps),
    tunnel: { available: cloudflaredAvailable(), running: tunnel.process !== null, url: tunnel.url, error: tunnel.error },
  };
}

export async function openTunnel(deps: Deps): Promise<OperationOutput<'network.info'>> {
  const port = deps.runtime.participantPort;
  if (port === null) throw new DomainError('unavailable', { key: 'error.network.notServing' });
  await startTunnel(deps, deps.runtime.tunnel, port);
  return networkInfo(deps);
}

/**
 * Stops the tunnel and puts the links back on the LAN address. Links already mailed with the
 * tunnel's address stop working: the organizer's screens say so and name who can get a fresh one
 * (everyone who was mailed a link while the tunnel was the public address).
 */
export function closeTunnel(deps: Deps): OperationOutput<'network.info'> {
  const tunnelUrl = deps.runtime.tunnel.url;
  stopTunnel(deps.runtime.tunnel);
  const base = getSettings(deps).publicBaseUrl;
  if (tunnelUrl && base === tunnelUrl) {
    deps.db.transaction(() => {
      writeSetting(deps.db, 'publicBaseUrl', null, deps.clock.now());
      recordLinksMoved(deps, {
        from: tunnelUrl,
        to: participantBaseUrl(deps),
        at: deps.clock.now(),
        participantIds: participantsMailedSince(deps, deps.runtime.tunnel.startedAt ?? 0),
      });
    });
    deps.events.emit({ type: 'settings.changed' });
  }
  return networkInfo(deps);
}
