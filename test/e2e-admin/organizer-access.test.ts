import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, startServe, type ServeProcess } from '../support/serve-process';
import { launchBrowser, type Browser } from './support/browser';
import { captureScreen, type A11yProblem } from './support/screens';

const PASSWORD = 'correct horse battery staple';

let dir: string;
let browser: Browser;
const running: ServeProcess[] = [];
const problems: A11yProblem[] = [];

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'sk-e2e-access-'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const server of running) await server.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function serve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const server = await startServe(args, env);
  running.push(server);
  return server;
}

async function stop(server: ServeProcess): Promise<void> {
  expect(await server.stop()).toBe(0);
  running.splice(running.indexOf(server), 1);
}

/** A port free right now, so that restarts keep the same origin (and so the browser's memory). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function signInForm(page: Page) {
  await page.getByRole('heading', { name: 'Sign in to Sneaky Klaus' }).waitFor();
  return { password: page.getByLabel('Organizer password'), submit: page.getByRole('button', { name: 'Sign in' }) };
}

describe('getting into the organizer screens of a headless server', () => {
  it('signs in with the organizer password when the screens are open to the network, works through the cookie, signs out, and shows the rate limit', async () => {
    const server = await serve(['--data-dir', join(dir, 'lan'), '--admin-host', '0.0.0.0', '--demo'], { SNEAKY_KLAUS_ADMIN_PASSWORD: PASSWORD });
    expect(server.output()).toMatch(/Sign-in page:\s+http:\/\/127\.0\.0\.1:\d+\//);
    const page = await browser.context.newPage();
    await page.goto(`${server.adminUrl}/`);
    const form = await signInForm(page);
    problems.push(...(await captureScreen(page, 'sign-in')));

    await form.submit.click();
    await page.getByRole('alert').filter({ hasText: 'Enter the organizer password.' }).waitFor();
    await form.password.fill('not the password');
    await form.submit.click();
    await page.getByRole('alert').filter({ hasText: 'That password is not right.' }).waitFor();
    problems.push(...(await captureScreen(page, 'sign-in-wrong')));

    await form.password.fill(PASSWORD);
    await form.submit.click();
    await page.getByRole('heading', { name: 'Exchanges', level: 1 }).waitFor();
    await page
      .getByRole('link', { name: /^Family Christmas \d{4}/ })
      .first()
      .waitFor();
    // No secret anywhere: the calls go with the session cookie and the CSRF token.
    expect(await page.evaluate(() => Object.keys(window.localStorage))).toEqual(['sneaky-klaus.admin-csrf']);
    const cookies = await browser.context.cookies(server.adminUrl);
    expect(cookies.find((c) => c.name === 'sk_admin')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    // A write (POST with the CSRF token) and the pushed event that follows it (EventSource with the cookie).
    await page.goto(`${server.adminUrl}/#/settings`);
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.goto(`${server.adminUrl}/#/jobs`);
    const maintenance = page.getByRole('list', { name: 'Maintenance' });
    await maintenance.waitFor();
    await maintenance.getByRole('button', { name: /Clean up login links/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Clean up login links: / })
      .waitFor();
    // The run arrives in the history through the pushed jobs.changed event and the reload it causes.
    await page.getByRole('table', { name: 'Job runs' }).getByRole('cell', { name: 'Clean up login links' }).first().waitFor();

    // Reload: still signed in (the cookie and the token outlive the page).
    await page.reload();
    await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    const again = await signInForm(page);
    const refused = await fetch(`${server.adminUrl}/rpc/exchanges.list`, { method: 'POST', headers: { cookie: `sk_admin=${cookies.find((c) => c.name === 'sk_admin')?.value}` } });
    expect(refused.status).toBe(401);

    // Ten wrong passwords per 15 minutes from one address: one was used above (an empty form is
    // not sent, and the right password does not count). After the tenth, the right one is refused too.
    for (let i = 0; i < 9; i++) {
      await again.password.fill(`wrong ${i}`);
      await again.submit.click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    }
    await again.password.fill(PASSWORD);
    await again.submit.click();
    await page
      .getByRole('alert')
      .filter({ hasText: /Too many attempts\. Try again in \d+ minutes\./ })
      .waitFor();
    problems.push(...(await captureScreen(page, 'sign-in-rate-limited')));
    await page.close();
    await stop(server);
  });

  it('keeps the organizer address across restarts (a bookmark works), and --new-admin-secret refuses the old one', async () => {
    const data = join(dir, 'home');
    const port = await freePort();
    const first = await serve(['--data-dir', data, '--admin-port', String(port)]);
    const page = await browser.context.newPage();
    await page.goto(`${first.adminUrl}/#secret=${first.secret}`);
    await page
      .getByRole('navigation', { name: 'Main' })
      .or(page.getByRole('heading', { name: /Welcome|Set up/ }))
      .first()
      .waitFor();
    await stop(first);

    const second = await serve(['--data-dir', data, '--admin-port', String(port)]);
    expect(second.adminUrl).toBe(first.adminUrl);
    expect(second.secret).toBe(first.secret);
    // The bookmark: the bare address, in a new tab.
    const bookmark = await browser.context.newPage();
    await bookmark.goto(`${second.adminUrl}/`);
    await bookmark
      .getByRole('navigation', { name: 'Main' })
      .or(bookmark.getByRole('heading', { name: /Welcome|Set up/ }))
      .first()
      .waitFor();
    expect(await bookmark.getByRole('heading', { name: 'Open the address printed by npm run serve' }).count()).toBe(0);
    await stop(second);

    const third = await serve(['--data-dir', data, '--admin-port', String(port), '--new-admin-secret']);
    expect(third.secret).not.toBe(first.secret);
    expect((await fetch(`${third.adminUrl}/rpc/exchanges.list`, { method: 'POST', headers: { authorization: `Bearer ${first.secret}` } })).status).toBe(401);
    const stale = await browser.context.newPage();
    await stale.goto(`${third.adminUrl}/`);
    await stale.getByRole('heading', { name: 'Open the address printed by npm run serve' }).waitFor();
    problems.push(...(await captureScreen(stale, 'secret-rotated')));
    // The new printed address gets in.
    // Pasted into the open tab, only the fragment changes: the page takes the secret and reloads itself.
    await stale.goto(`${third.adminUrl}/#secret=${third.secret}`);
    await stale
      .getByRole('navigation', { name: 'Main' })
      .or(stale.getByRole('heading', { name: /Welcome|Set up/ }))
      .first()
      .waitFor();
    await stop(third);
  });

  it('has no serious accessibility problems on the sign-in screens, light and dark', () => {
    expect(problems).toEqual([]);
  });
});
