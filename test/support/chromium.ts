import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH overrides. Never downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, no background traffic: this machine's network is closed and tests stay on loopback. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

type LaunchOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

/**
 * A fresh Chromium with its own profile folder. Browser tests never skip: a missing Chromium is a
 * failure that says how to install it.
 */
export async function launchChromium(profileDir: string, options: Omit<LaunchOptions, 'executablePath' | 'args' | 'headless'>): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: install the Debian "chromium" package (apt-get install chromium) or set CHROMIUM_PATH. Browser tests never skip.`);
  }
  return chromium.launchPersistentContext(profileDir, { ...options, executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
