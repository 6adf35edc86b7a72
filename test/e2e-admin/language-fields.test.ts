import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTab } from './support/admin';
import { startAdminStage, type AdminStage } from './support/stage';

/**
 * The languages of an exchange on the organizer's screens (issue #20), in real Chromium against
 * `npm run serve`: the exchange's language is chosen on its form, a person's own one on theirs,
 * and the participants list names a person's language where it differs from the exchange's.
 */
let stage: AdminStage;
let page: Page;
let exchangeId = 0;

const row = (name: string) => page.locator('.ptable tbody tr').filter({ has: page.locator('.ptable__name', { hasText: new RegExp(`^${name}$`) }) });

beforeAll(async () => {
  stage = await startAdminStage({ name: 'languages', timezoneId: 'Europe/Berlin' });
  page = stage.page;
  await stage.rpc('settings.update', { organizer: { name: 'Olga', email: 'olga@example.test' }, timezone: 'Europe/Berlin', setupComplete: true });
  exchangeId = (await stage.rpc<{ id: number }>('exchanges.create', { name: 'Weihnachten', exchangeAt: '2030-12-24T18:00', timezone: 'Europe/Berlin', locale: 'en' })).id;
  await stage.rpc('participants.add', { exchangeId, name: 'Ann', email: 'ann@example.test' });
});

afterAll(() => stage?.close());

describe('languages on the organizer’s screens (real browser, npm run serve)', () => {
  it('sets the exchange’s language, a person’s own language, and shows it where it differs', async () => {
    await page.goto(stage.adminUrl());
    await page.getByRole('link', { name: 'Weihnachten' }).click();
    const language = page.getByLabel('Language of emails and pages', { exact: true });
    // Read once the exchange's form is on screen (reading the options does not wait for them).
    await expect.poll(() => language.locator('option').allTextContents()).toEqual(['English', 'Deutsch', 'Français', 'Español']);
    await language.selectOption('de');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await expect.poll(async () => (await stage.rpc<{ locale: string }>('exchanges.get', { exchangeId })).locale).toBe('de');

    await openTab(page, /^Participants/);
    await page.getByRole('button', { name: 'Add participant' }).click();
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Add a participant' }) });
    await form.getByLabel('Name', { exact: true }).fill('Bea');
    await form.getByLabel('Email', { exact: true }).fill('bea@example.test');
    const own = form.getByLabel('Language', { exact: true });
    await expect.poll(() => own.locator('option').allTextContents()).toEqual(['Same as the exchange (Deutsch)', 'English', 'Deutsch', 'Français', 'Español']);
    await own.selectOption('es');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Added Bea.' }).waitFor();

    await row('Bea').locator('.ptable__tags').getByText('Español', { exact: true }).waitFor();
    expect(await row('Ann').locator('.ptable__tags').innerText()).not.toMatch(/English|Deutsch|Français|Español/);
    const people = await stage.rpc<Array<{ name: string; locale: string | null }>>('participants.list', { exchangeId });
    expect(people.map((p) => [p.name, p.locale])).toEqual([
      ['Ann', null],
      ['Bea', 'es'],
    ]);

    // Back to the exchange's language: the badge goes.
    await row('Bea').getByRole('button', { name: 'Edit Bea' }).click();
    await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Same as the exchange (Deutsch)' });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved Bea.' }).waitFor();
    await expect
      .poll(async () => (await stage.rpc<Array<{ name: string; locale: string | null }>>('participants.list', { exchangeId })).find((p) => p.name === 'Bea')?.locale)
      .toBeNull();
    expect(await row('Bea').locator('.ptable__tags').innerText()).not.toContain('Español');
    expect(stage.pageErrors).toEqual([]);
  });
});
