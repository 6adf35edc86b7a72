import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localInDays, type ServeProcess } from '../support/serve-process';
import { startAdminStage, type AdminStage } from './support/stage';
import { captureScreen, type A11yProblem } from './support/screens';

/**
 * A long operation seen from the organizer's screens (issue #15): while 10 000 people are imported
 * through the API, the open screen says what is running and how far it got, and the line goes
 * when the import ends.
 */
const PEOPLE = 10_000;

let serve: ServeProcess;
let page: Page;
const problems: A11yProblem[] = [];
let pageErrors: string[] = [];
let stage: AdminStage;

const adminUrl = () => stage.adminUrl();

beforeAll(async () => {
  stage = await startAdminStage({ name: 'progress' });
  ({ serve, page, pageErrors } = stage);
});

afterAll(() => stage?.close());

describe('progress of a long operation (real browser, npm run serve on loopback)', () => {
  it('shows "Importing 10,000 people" while the import runs, and nothing once it is done', async () => {
    const created = await serve.rpc('exchanges.create', { name: 'Big office party', exchangeAt: localInDays(30), timezone: 'Europe/Berlin' });
    expect(created.body.ok, JSON.stringify(created.body)).toBe(true);
    const exchangeId = (created.body as { value: { id: number } }).value.id;
    await serve.rpc('settings.update', { setupComplete: true });
    await page.goto(adminUrl());
    await page.getByRole('link', { name: 'Big office party' }).waitFor();

    const csv = ['name,email', ...Array.from({ length: PEOPLE }, (_, i) => `Person ${i},p${i}@example.com`)].join('\n');
    const importing = serve.rpc('participants.import', { exchangeId, csv, dryRun: false });
    const status = page.getByRole('status').filter({ hasText: /^Importing/ });
    await status.waitFor({ timeout: 20_000 });
    problems.push(...(await captureScreen(page, 'work-progress-import')));

    const answer = await importing;
    expect(answer.body).toMatchObject({ ok: true, value: { added: PEOPLE } });
    await status.waitFor({ state: 'detached', timeout: 20_000 });
    expect(pageErrors).toEqual([]);
    expect(problems).toEqual([]);
  });
});
