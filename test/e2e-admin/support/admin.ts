import type { Page } from 'playwright-core';

/** Small steps on the admin screens, by role and label as a person would find them. */
export async function confirmDialog(page: Page, button: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

export async function openTab(page: Page, name: RegExp | string): Promise<void> {
  await page.getByRole('navigation', { name: 'Exchange sections' }).getByRole('link', { name }).click();
}

export async function addParticipant(page: Page, name: string, email: string): Promise<void> {
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Add a participant' }) });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Email', { exact: true }).fill(email);
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Added ${name}.` })
    .waitFor();
}

/** The visible text of the whole admin page (what a person could read on it). */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

export interface Pair {
  giver: string;
  receiver: string;
}

/** Nothing on the page pairs a giver with their receiver, and no "who drew whom" wording at all. */
export function blindViolations(text: string, pairs: readonly Pair[]): string[] {
  const found: string[] = [];
  const words = /\bdrew\b|gives to|→|->/i.exec(text);
  if (words) found.push(`the page says "${words[0]}"`);
  for (const { giver, receiver } of pairs) {
    const near = new RegExp(`${giver}[^\\n]{0,80}\\b(draws?|drew|gives?|buys?|for|santa)\\b[^\\n]{0,80}${receiver}`, 'i');
    if (near.test(text)) found.push(`${giver} is shown next to ${receiver}`);
  }
  return found;
}
