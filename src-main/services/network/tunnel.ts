import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { DomainError } from '../../core/errors';
import type { Deps } from '../common/deps';
import type { TunnelState } from '../common/runtime';
import { organizerTranslator, updateSettings } from '../organizer/settings';
import { QUICK_TUNNEL_HOST } from './links';
import type { Text } from '../../i18n';

export type { TunnelState } from '../common/runtime';

/** The `cloudflared` program to run: SNEAKY_KLAUS_CLOUDFLARED, else the one on the PATH. */
export const cloudflaredCommand = (env: NodeJS.ProcessEnv = process.env): string => env.SNEAKY_KLAUS_CLOUDFLARED ?? 'cloudflared';

export function cloudflaredAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  const command = cloudflaredCommand(env);
  if (command.includes('/') || command.includes('\\')) return existsExecutable(command);
  return (env.PATH ?? '').split(delimiter).some((dir) => dir && existsExecutable(join(dir, command)));
}

function existsExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Its address as cloudflared prints it, somewhere in a line of its output. */
const QUICK_TUNNEL_URL = new RegExp(`https://${QUICK_TUNNEL_HOST}`);

/**
 * Starts a Cloudflare quick tunnel to the participant port and, once it prints its address, makes
 * that the public base URL used in every emailed link.
 */
export function startTunnel(deps: Deps, state: TunnelState, port: number, timeoutMs = 30_000): Promise<string> {
  if (state.process && state.url) return Promise.resolve(state.url);
  if (!cloudflaredAvailable()) {
    throw new DomainError('unavailable', { key: 'error.tunnel.missing' });
  }
  const child = spawn(cloudflaredCommand(), ['tunnel', '--no-autoupdate', '--url', `http://127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  state.process = child;
  state.error = null;
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail({ key: 'error.tunnel.timeout' }), timeoutMs);
    const fail = (text: Text) => {
      clearTimeout(timer);
      state.error = organizerTranslator(deps).text(text);
      stopTunnel(state);
      reject(new DomainError('unavailable', text));
    };
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8192);
      const match = QUICK_TUNNEL_URL.exec(output);
      if (!match || state.url) return;
      clearTimeout(timer);
      state.url = match[0];
      state.startedAt = deps.clock.now();
      updateSettings(deps, { publicBaseUrl: match[0] });
      deps.log.info('tunnel started', { url: match[0] });
      resolve(match[0]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', (error) => fail({ key: 'error.tunnel.startFailed', values: { detail: error.message } }));
    child.once('exit', (code) => {
      if (!state.url) fail({ key: 'error.tunnel.stopped', values: { code: String(code) } });
      else {
        state.process = null;
        state.url = null;
        state.error = `The tunnel stopped (exit code ${code}).`;
      }
    });
  });
}

export function stopTunnel(state: TunnelState): void {
  state.process?.kill('SIGTERM');
  state.process = null;
  state.url = null;
}
