import type { ChildProcess } from 'node:child_process';

/** The quick tunnel, while one runs. */
export interface TunnelState {
  process: ChildProcess | null;
  url: string | null;
  error: string | null;
  /** When the current address went live: links mailed since then point at it. */
  startedAt?: number | null;
}

/**
 * Facts known only once the app runs, filled in by the app's start (src-main/app.ts) for both
 * shells alike: where the participants' listener is and which addresses reach it.
 */
export interface RuntimeFacts {
  readonly version: string;
  /** The participants' listener's port; null until it listens. */
  participantPort: number | null;
  /** The address it is bound to (0.0.0.0 for every interface). */
  participantHost: string | null;
  /** `http://<lan-address>:<port>` for each address a phone on the same network can use. */
  participantUrls: string[];
  /** The organizer screens' address without its secret, for notices (headless only; null on the desktop). */
  organizerUrl: string | null;
  tunnel: TunnelState;
}

export function createRuntimeFacts(version: string): RuntimeFacts {
  return { version, participantPort: null, participantHost: null, participantUrls: [], organizerUrl: null, tunnel: { process: null, url: null, error: null } };
}

/** Records a listener that is up; `urls` are the addresses it answers at. */
export function recordParticipantListener(runtime: RuntimeFacts, listener: { host: string; port: number }, urls: string[]): void {
  runtime.participantHost = listener.host;
  runtime.participantPort = listener.port;
  runtime.participantUrls = urls;
}

/** Forgets the listener once it is closed, so nothing builds links to a port that is gone. */
export function clearParticipantListener(runtime: RuntimeFacts): void {
  runtime.participantHost = null;
  runtime.participantPort = null;
  runtime.participantUrls = [];
}
