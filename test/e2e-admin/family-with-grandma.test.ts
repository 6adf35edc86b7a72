import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/serve-process';
import { confirmDialog, openTab } from './support/admin';
import type { Browser } from './support/browser';
import { startAdminStage, type AdminStage } from './support/stage';
import { captureScreen, SHOTS, type A11yProblem } from './support/screens';

/**
 * "A family with Grandma" (issue #18), in the organizer screens of `npm run serve` in real
 * Chromium: Ann and Mia share an address, Grandma has no email and gets a printed card, Opa's link
 * goes to Ann to pass on, Tim and Lea draw at the table. Cards print to PDF (A4 and Letter); the
 * name-and-QR card's text names no giftee and its QR code opens Grandma's own page. The README's
 * walkthrough screenshots are copied from here into docs/walkthrough/.
 */
const DOCS = join(ROOT, 'docs', 'walkthrough');

let browser: Browser;
let page: Page;
let exchangeId = 0;
const problems: A11yProblem[] = [];
let pageErrors: string[] = [];
let stage: AdminStage;

const rpc = <T>(name: string, input?: unknown): Promise<T> => stage.rpc<T>(name, input);

const adminUrl = () => stage.adminUrl();

/** Axe and light/dark screenshots (test-results/admin), and the light one kept for the README. */
async function shot(name: string, scrollTo?: Locator): Promise<void> {
  problems.push(...(await captureScreen(page, name, scrollTo ? { scrollTo } : {})));
  copyFileSync(join(SHOTS, `${name}-light.png`), join(DOCS, `${name}.png`));
}

async function pdfText(format: 'A4' | 'Letter'): Promise<{ text: string; pages: number }> {
  await page.emulateMedia({ media: 'print' });
  const data = await page.pdf({ format, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const doc = await getDocument({ data: new Uint8Array(data) }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
  }
  return { text, pages: doc.numPages };
}

async function addPerson(name: string, options: { email?: string; way?: string; deliverer?: string }): Promise<void> {
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Add a participant' }) });
  await form.getByLabel('Name', { exact: true }).fill(name);
  if (options.way) await form.getByLabel('How they learn their giftee').selectOption({ label: options.way });
  if (options.deliverer) await form.getByLabel('Who passes the link on').selectOption({ label: options.deliverer });
  await form.getByLabel('Email', { exact: true }).fill(options.email ?? '');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Added ${name}.` })
    .waitFor();
}

beforeAll(async () => {
  stage = await startAdminStage({ name: 'grandma', timezoneId: 'Europe/Berlin', smtp: { fromAddress: 'santa@example.test' } });
  ({ browser, page, pageErrors } = stage);
  mkdirSync(DOCS, { recursive: true });
  await rpc('settings.update', { organizer: { name: 'Olga', email: 'olga@example.test' }, timezone: 'Europe/Berlin', setupComplete: true });
  exchangeId = (
    await rpc<{ id: number }>('exchanges.create', {
      name: 'Family Christmas',
      exchangeAt: '2030-12-24T18:00',
      timezone: 'Europe/Berlin',
      location: 'Grandma’s house',
      budget: { amount: '20', currency: 'EUR' },
    })
  ).id;
});

afterAll(() => stage?.close());

describe('a family with Grandma in the organizer screens (real browser, npm run serve)', () => {
  it('adds a shared address, people without email and a table; draws; prints cards; runs the table draw', async () => {
    await page.goto(adminUrl());
    await page.getByRole('link', { name: 'Family Christmas' }).click();
    await openTab(page, /^Participants/);
    await page.getByRole('button', { name: 'Add participant' }).click();
    await addPerson('Ann', { email: 'ann@example.test' });
    await addPerson('Mia', { email: 'ann@example.test' });
    await addPerson('Bob', { email: 'bob@example.test' });
    await addPerson('Grandma', { way: 'A printed card' });
    await addPerson('Opa', { way: 'Someone passes a link on to them', deliverer: 'Ann' });
    await addPerson('Tim', { way: 'At the table (pass the phone)' });
    await addPerson('Lea', { way: 'At the table (pass the phone)' });
    // Without an address and by email: the form says what is missing.
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Add a participant' }) });
    await form.getByLabel('Name', { exact: true }).fill('Oma');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText(/Enter an email address, or choose another way/).waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Learns their giftee from a printed card. No email, so reminders go to nobody.').waitFor();
    await page.getByText('Ann is emailed a link to pass on to them. No email, so reminders go to nobody.').waitFor();
    await shot('01-participants', page.locator('.ptable tbody tr').last());

    await page.getByRole('group', { name: 'Exchange actions' }).getByRole('button', { name: 'Open registration' }).click();
    await confirmDialog(page, 'Open registration');
    await page.getByRole('group', { name: 'Exchange actions' }).getByRole('button', { name: 'Close registration' }).click();
    await confirmDialog(page, 'Close registration');
    await openTab(page, 'Draw');
    await page.getByRole('button', { name: 'Draw names', exact: true }).click();
    await confirmDialog(page, 'Draw names');
    await page.getByRole('status').filter({ hasText: /drawn/i }).first().waitFor();

    // The mail: Ann gets Opa's link to pass on; nothing is addressed to anyone without email.
    const outbox = await rpc<Array<{ to: string; subject: string }>>('outbox.list', {});
    expect(outbox.filter((m) => m.to === '')).toEqual([]);
    expect(outbox.map((m) => m.subject)).toContain('Family Christmas: a Secret Santa link to pass on');

    // Cards: Grandma's name-and-QR card, printed to PDF on A4 and Letter.
    await openTab(page, 'Cards & table');
    await page.getByRole('checkbox', { name: /Grandma/ }).waitFor();
    expect(await page.getByRole('checkbox', { name: /Grandma/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Prepare 1 card' }).click();
    const card = page.locator('.print-sheet').first().getByRole('article', { name: 'Card for Grandma' });
    await card.waitFor();
    await shot('02-cards-name-qr', card);
    const a4 = await pdfText('A4');
    const letter = await pdfText('Letter');
    expect(a4.pages).toBe(1);
    expect(letter.pages).toBe(1);
    expect(a4.text).toContain('Grandma');

    // Its QR code, read from the screen, opens Grandma's own page, which shows her giftee.
    const png = PNG.sync.read(await card.locator('img.qr').screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toMatch(/^http:\/\/[^/]+\/auth\/[A-Za-z0-9_-]+$/);
    const phone = await browser.context.newPage();
    await phone.goto(decoded!.data);
    await phone.getByRole('button', { name: 'Continue to my page' }).click();
    await phone.waitForURL(/\/me$/);
    expect(await phone.locator('.eyebrow').textContent()).toBe('Hello, Grandma');
    const giftee = (await phone.locator('.giftee-name').innerText()).trim();
    await phone.close();
    expect(['Ann', 'Mia', 'Bob', 'Opa', 'Tim', 'Lea']).toContain(giftee);
    expect(a4.text).not.toContain(giftee);
    expect(letter.text).not.toContain(giftee);

    // The full card shows the giftee under the fold, after a confirmation that is recorded.
    await page.getByRole('radio', { name: /Full card/ }).check();
    await page.getByRole('button', { name: 'Prepare 1 card' }).click();
    await page.getByRole('dialog').getByRole('heading', { name: 'Print 1 full card?' }).waitFor();
    await shot('03-cards-full-confirm');
    await confirmDialog(page, 'Print with the giftee');
    await page.locator('.print-sheet').first().locator('.print-card__giftee').waitFor();
    await page
      .locator('.print-sheet')
      .first()
      .screenshot({ path: join(DOCS, '03-cards-full-preview.png') });
    const full = await pdfText('A4');
    expect(full.text).toContain(giftee);
    expect(full.text).toContain('Grandma’s house');

    // The table draw: the organizer opens it; Tim and Lea take turns on the one device.
    await page.getByRole('button', { name: 'Open the table draw' }).click();
    const url = await page.getByLabel('Table draw link').inputValue();
    await shot('04-table-link', page.getByLabel('Table draw link'));
    const table = await browser.context.newPage();
    await table.setViewportSize({ width: 390, height: 844 });
    await table.goto(url);
    await table.getByRole('button', { name: 'Use this device for the table draw' }).click();
    for (const name of ['Tim', 'Lea']) {
      await table.getByRole('link', { name, exact: true }).click();
      await table.getByRole('button', { name: `I am ${name}` }).click();
      await table.locator('.giftee-name').waitFor();
      if (name === 'Tim') await table.screenshot({ path: join(DOCS, '05-table-giftee-phone.png') });
      await table.getByRole('button', { name: 'Hide and pass on' }).click();
      await table.getByRole('heading', { name: 'Who is next?' }).waitFor();
    }
    await table.screenshot({ path: join(DOCS, '06-table-done-phone.png') });
    await table.close();
    await page.reload();
    await page.getByText('Has looked').nth(1).waitFor();
    await shot('07-table-status');
    const status = await rpc<{ people: Array<{ name: string; looked: boolean }> }>('tableDraw.status', { exchangeId });
    expect(status.people).toEqual([expect.objectContaining({ name: 'Lea', looked: true }), expect.objectContaining({ name: 'Tim', looked: true })]);

    expect(problems).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
