import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import axe from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../support/chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitePage, loginPage, mePage } from '../../../../src-main/http/participant/views';
import { allPages, exchange, MATCHED, meModel } from './fixtures';
import { translator } from '../../../../src-main/i18n';

const EN = translator('en');

/**
 * Every participant page in real Chromium at phone size, light and dark: axe finds no serious or
 * critical issue, the CSP a route will send is not violated, and screenshots land in
 * test-results/participant-views/ for a human to look at.
 */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SHOTS = join(ROOT, 'test-results', 'participant-views');
const CSS = readFileSync(join(ROOT, 'resources', 'participant.css'));
const CSP = "default-src 'self'; style-src 'self'; script-src 'none'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const XSS = "\"><img src=x onerror=alert(1)><script>alert(1)</script>' onmouseover='alert(1)";

const pages = new Map(allPages().map((p) => [p.name, p.html]));
pages.set(
  'xss',
  mePage(
    EN,
    meModel(
      { kind: 'matched', receiver: { name: XSS, giftIdeas: `${XSS}\njavascript:alert(1)\nhttps://example.com/?q=${XSS}` } },
      { exchange: exchange({ name: XSS, description: XSS, location: XSS }), participant: { name: XSS, email: XSS, giftIdeas: XSS, reminders: true, locale: 'en' as const } },
    ),
  ),
);

// A 60-character address (no hyphen to break at) must wrap on a 390 px phone on every page that shows one.
const LONG_EMAIL = 'margaretha.vanderwesthuizen.bloemfontein.familie@example.org';
if (LONG_EMAIL.length !== 60) throw new Error('the long address must have 60 characters');
const longParticipant = { name: 'Margaretha', email: LONG_EMAIL, giftIdeas: `Anything from ${LONG_EMAIL}'s wishlist`, reminders: true, locale: 'en' as const };
for (const [name, stage] of [
  ['waiting', { kind: 'waiting' }],
  ['matched', MATCHED],
  ['completed', { kind: 'completed', receiver: null }],
  ['cancelled', { kind: 'cancelled' }],
] as const) {
  pages.set(`long-email-me-${name}`, mePage(EN, meModel(stage, { participant: longParticipant })));
}
pages.set(
  'long-email-login-error',
  loginPage(EN, { csrfToken: 'csrf', exchangeCode: null, exchangeName: null, values: { email: LONG_EMAIL }, errors: { email: `${LONG_EMAIL} is not registered here.` } }),
);
pages.set(
  'long-email-invite-errors',
  invitePage(EN, {
    code: 'code',
    exchange: exchange(),
    csrfToken: 'csrf',
    now: Date.parse('2026-12-01T08:00:00Z'),
    values: { name: LONG_EMAIL, email: LONG_EMAIL, giftIdeas: LONG_EMAIL, reminders: true, locale: 'en' as const },
    errors: { email: `${LONG_EMAIL} is taken.` },
  }),
);
// Other languages have longer words ("Geschenkideen speichern", "Auslosungs-E-Mail"): the same checks in each.
for (const locale of ['de', 'fr', 'es'] as const) {
  const t = translator(locale);
  pages.set(`${locale}-invite`, invitePage(t, { code: 'code', exchange: exchange(), csrfToken: 'csrf', now: Date.parse('2026-12-01T08:00:00Z') }));
  pages.set(`${locale}-me-matched`, mePage(t, meModel(MATCHED, { participant: { name: 'Ann', email: 'ann@example.org', giftIdeas: 'Books', reminders: true, locale } })));
}

let server: Server;
let base = '';
let context: BrowserContext;
let userDataDir = '';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/favicon.ico') {
      res.writeHead(204).end(); // Chromium asks for it by itself; not part of these pages.
      return;
    }
    if (path === '/assets/participant.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' }).end(CSS);
      return;
    }
    const body = pages.get(decodeURIComponent(path.slice(1)));
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  userDataDir = mkdtempSync(join(tmpdir(), 'sk-views-chromium-'));
  context = await launchChromium(userDataDir, {
    viewport: { width: 390, height: 844 },
  });
});

afterAll(async () => {
  await context?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function open(name: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  const response = await page.goto(`${base}/${name}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  // DevTools evaluation, not subject to the page's CSP; `void 0` so nothing big is sent back.
  await page.evaluate(`${axe.source}\nvoid 0;`);
  return { page, problems };
}

/**
 * Serious and critical axe findings. axe-core is injected once per page by `open`; AxeBuilder is
 * handed a no-op source because its own injection (twice per run, and the script's completion
 * value, the whole axe object, serialised back each time) took seconds per run.
 * Legacy mode runs axe in the page itself, which is all we need: these pages have no frames.
 */
async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page, axeSource: 'void 0' }).setLegacyMode(true).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** DOM facts that should hold on every page, whatever the colour scheme. */
function domFacts(page: Page) {
  return page.evaluate(() => {
    const visible = (el: Element): boolean => (el as HTMLElement).offsetParent !== null;
    const targets = 'button, a.button, input:not([type=hidden]):not([type=checkbox]), textarea, .check label';
    return {
      activeContent: document.querySelectorAll('script, img, iframe, object, embed').length,
      h1: document.querySelectorAll('h1').length,
      horizontalOverflow: document.documentElement.scrollWidth - window.innerWidth,
      smallTapTargets: [...document.querySelectorAll(targets)]
        .filter(visible)
        .filter((el) => el.getBoundingClientRect().height < 44)
        .map((el) => el.outerHTML.slice(0, 80)),
      eventAttributes: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}@${a.name}`)),
      formsWithoutCsrf: [...document.forms].filter((f) => f.method !== 'post' || !f.querySelector('input[type=hidden][name=_csrf]')).map((f) => f.action),
      nonHttpLinks: [...document.links].filter((a) => !/^https?:$/.test(a.protocol)).map((a) => a.href),
      stylesheetApplied: getComputedStyle(document.body).fontFamily.includes('system-ui'),
    };
  });
}

const CLEAN = {
  activeContent: 0,
  h1: 1,
  horizontalOverflow: 0,
  smallTapTargets: [],
  eventAttributes: [],
  formsWithoutCsrf: [],
  nonHttpLinks: [],
  stylesheetApplied: true,
};

// Concurrent: axe is CPU-bound inside Chromium's renderer processes, so pages overlap well.
describe.concurrent('participant pages in Chromium at 390×844, light and dark', () => {
  it.each([...pages.keys()])(
    '%s',
    async (name) => {
      const { page, problems } = await open(name);
      try {
        for (const colorScheme of ['light', 'dark'] as const) {
          // No transitions, so axe never samples a colour halfway between the schemes.
          await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
          expect({ colorScheme, findings: await axeFindings(page) }).toEqual({ colorScheme, findings: [] });
          expect(await domFacts(page)).toEqual(CLEAN);
          await page.screenshot({ path: join(SHOTS, `${name}-${colorScheme}.png`), fullPage: true });
        }
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    },
    60_000,
  );
});
