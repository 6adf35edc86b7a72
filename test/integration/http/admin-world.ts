import type { Hono } from 'hono';
import { createAdminApp } from '../../../src-main/http/admin/app';
import { loopbackHosts } from '../../../src-main/http/security';
import type { Logger } from '../../../src-main/log';
import { hashPassword } from '../../../src-main/services/organizer/admin-auth';
import { createTestApp, type TestApp } from '../../support/test-app';

export const ADMIN_HOST = '127.0.0.1:4318';
export const SECRET = 'test-admin-secret-0123456789abcdefghijklmno';
export const PASSWORD = 'correct horse battery';

export interface AdminWorld {
  t: TestApp;
  app: Hono;
  /** What the app logged as errors. */
  errors: string[];
  /** A request as the browser on this computer sends it (Host, and the secret unless told otherwise). */
  /** Also answer to the loopback names of this port (a real listener's). */
  allowPort(port: number): void;
  request(path: string, init?: RequestInit & { secret?: boolean }): Promise<Response>;
  close(): void;
}

/** A real app with the admin listener's app, password sign-in on (as beyond loopback). */
export async function adminWorld(options: { port?: number } = {}): Promise<AdminWorld> {
  const errors: string[] = [];
  const log: Logger = { debug() {}, info() {}, warn() {}, error: (message, fields) => errors.push(`${message} ${JSON.stringify(fields)}`) };
  const t = await createTestApp({ log });
  const allowed = new Set(loopbackHosts(options.port ?? 4318));
  const app = createAdminApp(t.deps, {
    secret: SECRET,
    allowedHosts: () => allowed,
    passwordHash: hashPassword(PASSWORD, t.deps.random),
  });
  return {
    t,
    app,
    errors,
    allowPort: (port) => loopbackHosts(port).forEach((h) => allowed.add(h)),
    async request(path, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('host')) headers.set('host', ADMIN_HOST);
      if (init.secret !== false && !headers.has('authorization')) headers.set('authorization', `Bearer ${SECRET}`);
      return app.request(`http://${ADMIN_HOST}${path}`, { ...init, headers });
    },
    close: () => t.close(),
  };
}
