import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, startServe, type ServeProcess } from '../../support/serve-process';

/**
 * The first date or number format makes ICU load its data, ~20 ms on a slow machine, while a
 * launch's first page waits (issue #15: pages within 300 ms of the process start). The launch
 * asks ICU for neither: the computer's zone is read when something needs it
 * (services/organizer/settings.ts) and messages do not ask which locales have number data
 * (i18n/translate.ts).
 */
const SPY = pathToFileURL(join(ROOT, 'test/support/icu-spy.mjs')).href;

let served: ServeProcess | undefined;
let dir = '';
beforeAll(() => ensureBuilt(), 120_000);
afterEach(async () => {
  await served?.stop();
  served = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('a launch on a new data folder', () => {
  it('answers its first pages without loading ICU’s date or number data; the spy sees ICU asked once the settings need the computer’s zone', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sk-icu-'));
    served = await startServe(['--data-dir', dir], { NODE_OPTIONS: `--import ${SPY}`, LANG: '', LC_ALL: '', LC_MESSAGES: '' });
    for (const [path, language] of [
      ['/login', 'en'],
      ['/login', 'de-DE,de;q=0.9'],
      ['/assets/participant.css', 'en'],
      ['/health', 'en'],
    ] as const) {
      const response = await fetch(`${served.participantUrl}${path}`, { headers: { 'accept-language': language } });
      expect(response.status, path).toBe(200);
      await response.arrayBuffer();
    }
    expect(served.output()).not.toContain('icu-spy');
    // The spy works: the organizer's settings show the computer's zone, which asks ICU for it.
    const settings = await served.ok<{ timezone: string }>('settings.get');
    expect(settings.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(served.output()).toMatch(/icu-spy (new )?Intl\.DateTimeFormat/);
  });
});
