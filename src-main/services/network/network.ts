import type { OperationOutput } from '../../contract/operations';
import { DomainError } from '../../core/errors';
import { lanAddresses } from './addresses';
import type { Deps } from '../common/deps';
import { participantBaseUrl } from './links';
import { getSettings } from '../organizer/settings';
import { cloudflaredAvailable, startTunnel, stopTunnel } from './tunnel';

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
  if (port === null) throw new DomainError('unavailable', 'The participant pages are not being served yet.');
  await startTunnel(deps, deps.runtime.tunnel, port);
  return networkInfo(deps);
}

export function closeTunnel(deps: Deps): OperationOutput<'network.info'> {
  stopTunnel(deps.runtime.tunnel);
  return networkInfo(deps);
}
