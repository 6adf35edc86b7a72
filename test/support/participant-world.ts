import type { Hono } from 'hono';
import type { OperationInput } from '../../src-main/contract/operations';
import { participantHosts } from '../../src-main/services/network/addresses';
import { listen } from '../../src-main/http/listen';
import { createParticipantSite } from '../../src-main/http/participant/app';
import type { Logger } from '../../src-main/log';
import { getSettings } from '../../src-main/services/organizer/settings';
import { deferredWorkDone } from '../../src-main/services/portal/after-response';
import { appClient, authPath, fetchClient, type OutboxRow, type ParticipantClient } from './participant-client';
import { asMailed } from './mailed';
import { createTestApp, exchangeInput, type TestApp } from './test-app';

/** Where the participant app of a test believes it listens (what emailed links use). */
export const LAN = '127.0.0.1:4317';

export interface WorldOptions {
  /** Set an organizer with settings.update (default true). */
  organizer?: boolean;
  exchange?: Partial<OperationInput<'exchanges.create'>>;
  /** Open registration (default true). */
  open?: boolean;
  seed?: number;
  log?: Logger;
  /**
   * Serve the site on a real socket (127.0.0.1, a free port) as the app does, kept pages through
   * its fast lane, and browse it over fetch (then `client()` ignores its host and scheme).
   */
  sockets?: boolean;
}

/**
 * One real app (SQLite in a temp folder, manual clock) with the participant app composed as the
 * headless server does (Host allowlist from participantHosts and the configured public URL).
 */
export interface World {
  t: TestApp;
  app: Hono;
  exchangeId: number;
  code: string;
  /** A fresh browser (no cookies) over app.request(). */
  client(host?: string, scheme?: 'http' | 'https'): ParticipantClient;
  outbox(kind?: string): OutboxRow[];
  count(table: string): number;
  /** Registers through the invite form; returns the client that did it. */
  register(fields: { name: string; email: string; giftIdeas?: string; reminders?: boolean }, client?: ParticipantClient): Promise<ParticipantClient>;
  /** Follows the newest link mailed to an address: GET, then POST Continue. */
  follow(client: ParticipantClient, email: string): Promise<void>;
  /** Whether the link in an email's text signs a fresh browser in (GET, then POST Continue). */
  signsIn(emailText: string): Promise<boolean>;
  /** A participant added by the organizer, then signed in through a login link. */
  signIn(email: string, client?: ParticipantClient): Promise<ParticipantClient>;
  /** Adds people through the organizer API; returns their ids. */
  add(names: string[]): Promise<Record<string, number>>;
  closeAndDraw(): Promise<void>;
  /** Where the site listens (sockets only), e.g. `http://127.0.0.1:43123`. */
  url: string | null;
  /** How many requests the fast lane answered (sockets only; see keptPagesLane). */
  laneAnswers(): number;
  close(): void;
}

/** Opens the link in an email's text (GET) and presses Continue (POST), as its recipient does. */
async function continueWith(client: ParticipantClient, emailText: string) {
  const path = authPath(emailText);
  await client.get(path);
  return client.post(path);
}

export async function participantWorld(options: WorldOptions = {}): Promise<World> {
  const t = await createTestApp({ seed: options.seed, log: options.log });
  t.deps.runtime.participantUrls = [`http://${LAN}`];
  if (options.organizer !== false) await t.ok('settings.update', { organizer: { name: 'Olga Organizer', email: 'olga@example.com' } });
  const exchange = await t.ok('exchanges.create', exchangeInput(options.exchange));
  if (options.open !== false) await t.ok('exchanges.transition', { exchangeId: exchange.id, action: 'open' });
  let port = 4317;
  const site = createParticipantSite(t.deps, {
    allowedHosts: () => participantHosts({ bindHost: '127.0.0.1', port, publicBaseUrl: getSettings(t.deps).publicBaseUrl }),
  });
  const app = site.app;
  let laneAnswers = 0;
  const listener = options.sockets
    ? await listen(app.fetch, {
        host: '127.0.0.1',
        port: 0,
        fastLane: (req, res) => {
          const answered = site.fastLane(req, res);
          if (answered) laneAnswers++;
          return answered;
        },
      })
    : null;
  if (listener) port = listener.port;
  const sql = t.deps.db.sqlite;
  const world: World = {
    t,
    app,
    exchangeId: exchange.id,
    code: exchange.inviteCode,
    client: (host = LAN, scheme = 'http') => (listener ? fetchClient(listener.url) : appClient(app, host, scheme)),
    outbox: (kind) =>
      asMailed(
        t.deps,
        (kind ? sql.prepare('select * from email_outbox where kind = ? order by id').all(kind) : sql.prepare('select * from email_outbox order by id').all()) as OutboxRow[],
      ),
    count: (table) => (sql.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
    async register(fields, client = world.client()) {
      await client.get(`/i/${world.code}`);
      const form: Record<string, string> = { name: fields.name, email: fields.email, giftIdeas: fields.giftIdeas ?? '' };
      if (fields.reminders !== false) form.reminders = 'yes';
      const response = await client.post(`/i/${world.code}`, form);
      if (response.status !== 200) throw new Error(`registration answered ${response.status}:\n${response.text}`);
      return client;
    },
    async follow(client, email) {
      // Login links are looked up and queued after the answer (services/portal/after-response).
      await deferredWorkDone(t.deps);
      const mails = world.outbox().filter((m) => m.to_address === email && /\/auth\//.test(m.text_body));
      const mail = mails[mails.length - 1];
      if (!mail) throw new Error(`no link mailed to ${email}`);
      const done = await continueWith(client, mail.text_body);
      if (done.status !== 303 || done.location !== '/me') throw new Error(`Continue answered ${done.status}:\n${done.text}`);
    },
    async signsIn(emailText) {
      const done = await continueWith(world.client(), emailText);
      return done.status === 303 && done.location === '/me';
    },
    async signIn(email, client = world.client()) {
      await client.get('/login');
      const sent = await client.post('/login', { email });
      if (sent.status !== 200) throw new Error(`login answered ${sent.status}`);
      await world.follow(client, email);
      return client;
    },
    async add(names) {
      const ids: Record<string, number> = {};
      for (const name of names) {
        ids[name] = (await t.ok('participants.add', { exchangeId: world.exchangeId, name, email: `${name.toLowerCase()}@example.com`, giftIdeas: `Ideas of ${name}` })).id;
      }
      return ids;
    },
    async closeAndDraw() {
      await t.ok('exchanges.transition', { exchangeId: world.exchangeId, action: 'close' });
      await t.ok('exchanges.draw', { exchangeId: world.exchangeId });
    },
    url: listener?.url ?? null,
    laneAnswers: () => laneAnswers,
    close: () => {
      if (listener) {
        listener.server.closeAllConnections();
        listener.server.close();
      }
      t.close();
    },
  };
  return world;
}
