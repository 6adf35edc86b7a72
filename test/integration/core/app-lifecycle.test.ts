import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeCloudflared } from '../../support/stand-ins';
import { createTestApp, type TestApp } from '../../support/test-app';

function statusWithHost(port: number, host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/login', headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    })
      .on('error', reject)
      .end();
  });
}

describe('the app’s one start and stop', () => {
  let t: TestApp;
  const order: string[] = [];

  beforeEach(async () => {
    order.length = 0;
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.app.stop(1_000);
    t.close();
  });

  it('fills the runtime facts when the participants’ listener is up, and the pages answer', async () => {
    await t.app.start({ participant: { host: '127.0.0.1', port: 0 } });
    const port = t.deps.runtime.participantPort;
    expect(port).toBeGreaterThan(0);
    expect(t.deps.runtime.participantUrls).toContain(`http://127.0.0.1:${port}`);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    expect(await statusWithHost(port!, 'evil.example')).toBe(421);
    expect((await t.ok('network.info', {})).participantUrls).toEqual(t.deps.runtime.participantUrls);
  });

  it('starts a tunnel to the port the app really listens on, with nothing set by hand', async () => {
    process.env.SNEAKY_KLAUS_CLOUDFLARED = fakeCloudflared();
    try {
      await t.app.start({ participant: { host: '127.0.0.1', port: 0 } });
      const info = await t.ok('network.startTunnel', {});
      expect(info.tunnel).toMatchObject({ running: true, url: 'https://merry-fox-sleigh.trycloudflare.com' });
    } finally {
      delete process.env.SNEAKY_KLAUS_CLOUDFLARED;
    }
  });

  it('opens the front door last and closes it first; stop forgets the listener and closes the database', async () => {
    await t.app.start({
      participant: { host: '127.0.0.1', port: 0 },
      front: () => {
        order.push(`front opened with pages on ${t.deps.runtime.participantPort === null ? 'nothing' : 'a port'}`);
        return { close: () => void order.push(`front closed while the database is ${t.deps.db.sqlite.open ? 'open' : 'closed'}`) };
      },
    });
    const port = t.deps.runtime.participantPort!;
    await t.app.stop();
    expect(order).toEqual(['front opened with pages on a port', 'front closed while the database is open']);
    expect(t.deps.runtime.participantPort).toBeNull();
    expect(t.deps.db.sqlite.open).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  it('a front door that fails half-way closes what was opened, database included, and rethrows', async () => {
    await expect(
      t.app.start({
        participant: { host: '127.0.0.1', port: 0 },
        front: () => {
          order.push(`port ${t.deps.runtime.participantPort}`);
          throw new Error('admin port refused');
        },
      }),
    ).rejects.toThrow('admin port refused');
    const port = Number(order[0]?.split(' ')[1]);
    expect(port).toBeGreaterThan(0);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    expect(t.deps.runtime.participantPort).toBeNull();
    expect(t.deps.db.sqlite.open).toBe(false);
  });
});
