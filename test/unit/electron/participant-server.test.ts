import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startParticipantServer } from '../../../src-main/electron/participant-server';
import type { Listener } from '../../../src-main/http/listen';
import { createTestApp, type TestApp } from '../../support/test-app';

let t: TestApp;
let listener: Listener;

beforeAll(async () => {
  t = await createTestApp();
  listener = await startParticipantServer(t.deps, { host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await listener.close();
  t.close();
});

describe('startParticipantServer', () => {
  it('serves the participants’ pages and records their addresses', async () => {
    expect(t.deps.runtime.participantUrls).toContain(`http://127.0.0.1:${listener.port}`);
    const response = await fetch(`http://127.0.0.1:${listener.port}/health`);
    expect(response.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    // fetch cannot set Host; node:http can.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request({ host: '127.0.0.1', port: listener.port, path: '/login', headers: { Host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });
});
