import { afterEach, describe, expect, it } from 'vitest';
import { authPath } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';
import { deferredWorkDone } from '../../../src-main/services/portal/after-response';

/**
 * A family sharing one address (issue #18): each person gets their own match email, addressed to
 * them by name, with their own link; a login request for the address sends one email with a link
 * per person. Real SQLite, the participant app over its HTTP interface, emails rendered as sent.
 */
let w: World;
afterEach(() => w?.close());

const FAMILY = 'ann@example.com';
const allLinks = (text: string) => [...text.matchAll(/https?:\/\/[^/\s]+(\/auth\/[A-Za-z0-9_-]+)/g)].map((m) => m[1]!);

/** Opens a link in a fresh browser: whose page it signs into. */
async function whoseLink(path: string): Promise<string> {
  const client = w.client();
  await client.get(path);
  const done = await client.post(path);
  expect(done.status).toBe(303);
  const me = await client.get('/me');
  expect(me.status).toBe(200);
  return me.text;
}

async function family(): Promise<Record<string, number>> {
  const ids = await w.add(['Ann', 'Bob', 'Cy']);
  for (const name of ['Mia', 'Tom']) ids[name] = (await w.t.ok('participants.add', { exchangeId: w.exchangeId, name, email: FAMILY })).id;
  return ids;
}

describe('people sharing one address', () => {
  it('each gets their own match email, named in the subject, whose link opens their own page', async () => {
    w = await participantWorld();
    const ids = await family();
    await w.closeAndDraw();
    const mails = w.outbox('match').filter((m) => m.to_address === FAMILY);
    expect(mails.map((m) => m.subject).sort()).toEqual(['Ann', 'Mia', 'Tom'].map((name) => `Family Christmas 2026: your Secret Santa match (for ${name})`).sort());
    const receiverOf = (giver: number) =>
      (w.t.deps.db.sqlite.prepare('select p.name from matches m join participants p on p.id = m.receiver_id where m.giver_id = ?').get(giver) as { name: string }).name;
    for (const name of ['Ann', 'Mia', 'Tom']) {
      const mail = mails.find((m) => m.subject.endsWith(`(for ${name})`))!;
      expect(mail.text_body).toContain(`Hi ${name}`);
      expect(mail.text_body).toContain(receiverOf(ids[name]!));
      const page = await whoseLink(authPath(mail.text_body));
      expect(page).toContain(receiverOf(ids[name]!));
    }
    // Someone alone at their address gets the usual subject.
    expect(w.outbox('match').find((m) => m.to_address === 'bob@example.com')!.subject).toBe('Family Christmas 2026: your Secret Santa match');
  });

  it('a login request for the address sends one email with a link per person, each signing in as that person', async () => {
    w = await participantWorld();
    await family();
    const client = w.client();
    await client.get('/login');
    expect((await client.post('/login', { email: FAMILY })).status).toBe(200);
    await deferredWorkDone(w.t.deps);
    const mails = w.outbox('magic-link').filter((m) => m.to_address === FAMILY);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Family Christmas 2026: your sign-in links');
    for (const name of ['Ann', 'Mia', 'Tom']) expect(mail.text_body).toContain(`Sign in as ${name}`);
    const paths = allLinks(mail.text_body);
    expect(new Set(paths).size).toBe(3);
    const pages = await Promise.all(paths.map(whoseLink));
    // Each link is a different person's page (the page greets them by name).
    const names = ['Ann', 'Mia', 'Tom'];
    for (const [i, name] of names.entries()) {
      expect(pages[i]).toContain(name);
      for (const other of names.filter((n) => n !== name)) expect(pages[i]).not.toContain(other);
    }
  });

  it('a shared sign-in email still goes to the others when the first of them left before it was sent', async () => {
    w = await participantWorld();
    const ids = await family();
    const client = w.client();
    await client.get('/login');
    await client.post('/login', { email: FAMILY });
    await deferredWorkDone(w.t.deps);
    // Ann (the row's own person) has withdrawn (on her page) by the time the email is sent.
    w.t.deps.db.sqlite.prepare('update participants set withdrawn_at = ? where id = ?').run(w.t.clock.now(), ids['Ann']!);
    const mail = w.outbox('magic-link').filter((m) => m.to_address === FAMILY)[0]!;
    expect(mail.text_body).toContain('Sign in as Mia');
    expect(mail.text_body).toContain('Sign in as Tom');
    expect(mail.text_body).not.toContain('Sign in as Ann');
    expect(allLinks(mail.text_body)).toHaveLength(2);
  });

  it('one name at one address is one person: registering again mails a link, nobody is added', async () => {
    w = await participantWorld();
    await family();
    await w.register({ name: 'mia', email: FAMILY });
    const people = w.t.deps.db.sqlite.prepare('select name from participants where email = ? order by id').all(FAMILY);
    expect(people).toEqual([{ name: 'Ann' }, { name: 'Mia' }, { name: 'Tom' }]);
  });
});
