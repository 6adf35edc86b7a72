import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureBuilt, startServe, type ServeProcess } from '../../support/serve-process';
import { sinkSmtpSettings, startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { launchBrowser, type Browser } from './browser';

/**
 * What a browser test of the organizer's screens stands on: `npm run serve` on a fresh data folder,
 * optionally a real SMTP sink set as its mail server, and Chromium with one page whose uncaught
 * errors are collected. One place for it, so each test file states only its own story.
 */
export interface AdminStage {
  serve: ServeProcess;
  /** Null unless asked for with `smtp`. */
  sink: SmtpSink | null;
  browser: Browser;
  page: Page;
  /** Uncaught errors of `page`, for a test to expect none. */
  pageErrors: string[];
  /** An organizer operation that must succeed: its value, or a thrown error naming the operation. */
  rpc<T>(name: string, input?: unknown): Promise<T>;
  /** The organizer screens' address with its secret, as the server printed it. */
  adminUrl(): string;
  close(): Promise<void>;
}

export async function startAdminStage(options: { name: string; timezoneId?: string; smtp?: { fromAddress?: string } }): Promise<AdminStage> {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), `sk-e2e-${options.name}-`));
  let sink: SmtpSink | null = null;
  let serve: ServeProcess | null = null;
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close();
    await serve?.stop();
    await sink?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    serve = await startServe(['--data-dir', join(dir, 'data'), '--host', '127.0.0.1']);
    const started = serve;
    const rpc = async <T>(name: string, input?: unknown): Promise<T> => {
      const { status, body } = await started.rpc(name, input);
      if (!body.ok) throw new Error(`${name} → ${status}: ${JSON.stringify(body.error)}`);
      return body.value as T;
    };
    if (options.smtp) {
      sink = await startSmtpSink();
      await rpc('smtp.set', sinkSmtpSettings(sink, options.smtp.fromAddress ? { fromAddress: options.smtp.fromAddress } : {}));
    }
    browser = await launchBrowser(options.timezoneId ? { timezoneId: options.timezoneId } : {});
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return {
      serve: started,
      sink,
      browser,
      page,
      pageErrors,
      rpc,
      adminUrl: () => started.output().match(/Organizer screens:\s+(\S+)/)?.[1] ?? '',
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
