import { describe, expect, it, vi } from 'vitest';
import type { StartOptions } from '../../../src-main/app';
import { quitGuard, startDesktop, stopDesktop, type CoreApp, type StartSteps } from '../../../src-main/electron/lifecycle';
import { FIRST_PAGE_GRACE_MS, Lifecycle } from '../../../src-main/lifecycle';
import { silentLogger } from '../../../src-main/log';

/** A core whose start and stop are the app's real Lifecycle over recording parts. */
function fakeCore(order: string[], over: { relayStop?: () => Promise<void> } = {}) {
  const relay = { start: vi.fn(() => void order.push('relay.start')), stop: vi.fn(over.relayStop ?? (async () => void order.push('relay.stop'))) };
  const jobs = {
    start: vi.fn(async () => void order.push('jobs.start')),
    stop: vi.fn(async () => void order.push('jobs.stop')),
    resume: vi.fn(async () => void order.push('jobs.resume')),
  };
  let lifecycle: Lifecycle | null = null;
  return {
    deps: {} as CoreApp['deps'],
    relay,
    jobs,
    async start(options: StartOptions) {
      lifecycle = new Lifecycle({
        listenParticipants: async () => (order.push('listen'), { close: async () => void order.push('listener.close') }),
        relay,
        jobs,
        openFront: options.front,
        closeDatabase: () => void order.push('core.close'),
        log: silentLogger,
      });
      await lifecycle.start();
    },
    async stop(relayTimeoutMs?: number) {
      await lifecycle?.stop(relayTimeoutMs);
    },
  };
}

type Core = ReturnType<typeof fakeCore>;

function steps(order: string[], core: Core, over: Partial<StartSteps<Core>> = {}) {
  const resume: { handler?: () => void } = {};
  const s: StartSteps<Core> = {
    createCore: async () => (order.push('createCore'), core),
    participant: { host: '127.0.0.1', port: 0 },
    registerIpc: () => (order.push('ipc'), () => void order.push('ipc.off')),
    openWindow: () => void order.push('window'),
    startTray: () => (order.push('tray'), () => void order.push('tray.off')),
    startNotifications: () => (order.push('notifications'), () => void order.push('notifications.off')),
    onResume: (handler) => ((resume.handler = handler), order.push('resume'), () => void order.push('resume.off')),
    ...over,
  };
  return { s, resume };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('startDesktop', () => {
  it('starts in the app’s order, then the desktop front: participant HTTP, relay, jobs, IPC, window, tray, notifications, resume', async () => {
    const order: string[] = [];
    const core = fakeCore(order);
    await startDesktop(steps(order, core).s, silentLogger);
    await flush();
    expect(order).toEqual(['createCore', 'listen', 'relay.start', 'jobs.start', 'ipc', 'window', 'tray', 'notifications', 'resume']);
  });

  it('runs the jobs’ catch-up when the computer wakes up', async () => {
    const order: string[] = [];
    const core = fakeCore(order);
    const { s, resume } = steps(order, core);
    await startDesktop(s, silentLogger);
    resume.handler?.();
    await flush();
    expect(core.jobs.resume).toHaveBeenCalledTimes(1);
  });

  it('undoes everything that started when a step fails half-way, database included, and rethrows', async () => {
    const order: string[] = [];
    const core = fakeCore(order);
    const { s } = steps(order, core, {
      openWindow: () => {
        throw new Error('no display');
      },
    });
    await expect(startDesktop(s, silentLogger)).rejects.toThrow('no display');
    expect(order).toEqual(['createCore', 'listen', 'relay.start', 'jobs.start', 'ipc', 'ipc.off', 'jobs.stop', 'relay.stop', 'listener.close', 'core.close']);
  });

  it('does not start anything when the core cannot open', async () => {
    const order: string[] = [];
    const { s } = steps(order, fakeCore(order), {
      createCore: async () => {
        throw new Error('newer database');
      },
    });
    await expect(startDesktop(s, silentLogger)).rejects.toThrow('newer database');
    expect(order).toEqual([]);
  });
});

describe('stopDesktop', () => {
  it('stops in reverse: desktop front, jobs, relay (message in flight), listener, database', async () => {
    const order: string[] = [];
    const running = await startDesktop(steps(order, fakeCore(order)).s, silentLogger);
    await flush();
    order.length = 0;
    await stopDesktop(running, silentLogger);
    expect(order).toEqual(['resume.off', 'notifications.off', 'tray.off', 'ipc.off', 'jobs.stop', 'relay.stop', 'listener.close', 'core.close']);
  });

  it('waits for the relay to finish its message before closing the database', async () => {
    const order: string[] = [];
    let finish: () => void = () => undefined;
    const core = fakeCore(order, { relayStop: () => new Promise<void>((resolve) => (finish = () => (order.push('relay.done'), resolve()))) });
    const running = await startDesktop(steps(order, core).s, silentLogger);
    const stopping = stopDesktop(running, silentLogger);
    await flush();
    expect(order).not.toContain('core.close');
    finish();
    await stopping;
    expect(order.slice(-3)).toEqual(['relay.done', 'listener.close', 'core.close']);
  });

  it('still closes the database when the relay hangs or a step throws', async () => {
    const order: string[] = [];
    const core = fakeCore(order, { relayStop: () => new Promise<void>(() => undefined) });
    const { s } = steps(order, core, {
      startTray: () => () => {
        throw new Error('tray gone');
      },
    });
    const running = await startDesktop(s, silentLogger);
    await stopDesktop(running, silentLogger, 10);
    expect(order.at(-1)).toBe('core.close');
    expect(order).toContain('listener.close');
  });
});

describe('quitGuard', () => {
  it('holds the first quit until the shutdown is done, then quits for real', async () => {
    let finish: () => void = () => undefined;
    const shutdown = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const quit = vi.fn();
    const guard = quitGuard({ shutdown, quit, log: silentLogger });
    expect(guard.quitting).toBe(false);

    const first = { preventDefault: vi.fn() };
    guard.beforeQuit(first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(guard.quitting).toBe(true);

    const again = { preventDefault: vi.fn() };
    guard.beforeQuit(again); // Cmd+Q twice while the relay finishes
    expect(again.preventDefault).toHaveBeenCalled();
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(quit).not.toHaveBeenCalled();

    finish();
    await flush();
    expect(quit).toHaveBeenCalledTimes(1);
    const last = { preventDefault: vi.fn() };
    guard.beforeQuit(last);
    expect(last.preventDefault).not.toHaveBeenCalled();
  });

  it('quits even when the shutdown fails', async () => {
    const quit = vi.fn();
    const guard = quitGuard({
      shutdown: async () => {
        throw new Error('boom');
      },
      quit,
      log: silentLogger,
    });
    guard.beforeQuit({ preventDefault: () => undefined });
    await flush();
    expect(quit).toHaveBeenCalledTimes(1);
  });
});

describe('Lifecycle: the first page before the catch-up and the front door', () => {
  function parts(order: string[], firstAnswer: Promise<void>) {
    return new Lifecycle({
      listenParticipants: async () => (order.push('listen'), { firstAnswer, close: () => undefined }),
      relay: { start: () => void order.push('relay.start'), stop: async () => undefined },
      jobs: { start: async () => void order.push('jobs.start'), stop: async () => undefined },
      openFront: () => (order.push('front'), { close: () => undefined }),
      closeDatabase: () => undefined,
      log: silentLogger,
    });
  }

  it('starts the jobs and the front door once the participants’ first page is answered', async () => {
    const order: string[] = [];
    let answer: () => void = () => undefined;
    const started = parts(order, new Promise<void>((resolve) => (answer = resolve))).start();
    await flush();
    expect(order).toEqual(['listen', 'relay.start']);
    order.push('first page');
    answer();
    await started;
    expect(order).toEqual(['listen', 'relay.start', 'first page', 'jobs.start', 'front']);
  });

  it(`goes on after ${FIRST_PAGE_GRACE_MS} ms when nobody asks for a page`, async () => {
    const order: string[] = [];
    const before = performance.now();
    await parts(order, new Promise<void>(() => undefined)).start();
    expect(performance.now() - before).toBeGreaterThanOrEqual(FIRST_PAGE_GRACE_MS - 5);
    expect(order).toEqual(['listen', 'relay.start', 'jobs.start', 'front']);
  });
});
