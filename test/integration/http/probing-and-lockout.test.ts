import { afterEach, describe, expect, it } from 'vitest';
import { deferredWorkDone } from '../../../src-main/services/portal/after-response';
import { authPath, type ParticipantClient } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';

/**
 * Issue #13, the participant pages as an outsider probes them: rejoining someone's withdrawn
 * address, flooding an address with links, locking its owner out, and learning from the answers
 * whether an address is registered.
 */
let w: World;
afterEach(() => w.close());

const MIN = 60_000;
const withoutCsrf = (text: string) => text.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');
const mailsTo = (email: string) => w.outbox().filter((m) => m.to_address === email);
const linksTo = (email: string) => mailsTo(email).map((m) => authPath(m.text_body));
const person = (email: string) =>
  w.t.deps.db.sqlite.prepare('select name, gift_ideas, email_confirmed_at, withdrawn_at from participants where email = ? order by id').get(email) as {
    name: string;
    gift_ideas: string;
    email_confirmed_at: number | null;
    withdrawn_at: number | null;
  };

async function askForLink(email: string, client: ParticipantClient = w.client()) {
  await client.get('/login');
  const answer = await client.post('/login', { email });
  await deferredWorkDone(w.t.deps);
  return answer;
}

async function opens(path: string): Promise<boolean> {
  const client = w.client();
  await client.get(path);
  return (await client.post(path)).location === '/me';
}

describe('a withdrawn address', () => {
  it('cannot be taken over by registering it again: nothing changes until the emailed link is used', async () => {
    w = await participantWorld();
    const ann = await w.register({ name: 'Ann', email: 'ann@example.com', giftIdeas: 'Tea' });
    await w.follow(ann, 'ann@example.com');
    const confirmedAt = person('ann@example.com').email_confirmed_at;
    expect(confirmedAt).not.toBeNull();
    await ann.post('/me/withdraw', { confirm: 'yes' });

    w.t.clock.advance(5 * MIN);
    // The same person (a name at an address) asking to come back with other details.
    await w.register({ name: 'ann', email: 'ann@example.com', giftIdeas: 'Send me gift cards' });
    expect(person('ann@example.com')).toMatchObject({ name: 'Ann', gift_ideas: 'Tea', email_confirmed_at: confirmedAt });
    expect(person('ann@example.com').withdrawn_at).not.toBeNull();
    const [listed] = await w.t.ok('participants.list', { exchangeId: w.exchangeId });
    expect(listed).toMatchObject({ name: 'Ann', withdrawn: true });

    // Only whoever reads ann@example.com can bring the entry back, and that confirms it afresh.
    w.t.clock.advance(MIN);
    const link = linksTo('ann@example.com').at(-1)!;
    expect(await opens(link)).toBe(true);
    expect(person('ann@example.com')).toMatchObject({ name: 'ann', gift_ideas: 'Send me gift cards', withdrawn_at: null, email_confirmed_at: w.t.clock.now() });
  });
});

describe('mail to one address is capped quietly', () => {
  it('10 registrations of one address: the same answer each time, at most 3 emails', async () => {
    w = await participantWorld();
    const answers: string[] = [];
    for (let i = 0; i < 10; i++) {
      const client = w.client();
      await client.get(`/i/${w.code}`);
      const r = await client.post(`/i/${w.code}`, { name: `Ann ${i}`, email: 'ann@example.com', reminders: 'yes' });
      expect(r.status).toBe(200);
      answers.push(withoutCsrf(r.text));
    }
    expect(new Set(answers).size).toBe(1);
    // Ten names at one address are ten people (a family may share it), but only 3 emails go out.
    expect(mailsTo('ann@example.com').length).toBe(3);
    expect(await opens(linksTo('ann@example.com').at(-1)!)).toBe(true);
  });

  it('a flood of login requests for Ann neither locks her out nor kills the link she has', async () => {
    w = await participantWorld();
    await w.add(['Ann']);
    const unknown = withoutCsrf((await askForLink('nobody@example.com')).text);
    for (let i = 0; i < 10; i++) {
      const r = await askForLink('ann@example.com');
      expect(r.status).toBe(200);
      expect(withoutCsrf(r.text)).toBe(unknown);
    }
    expect(mailsTo('ann@example.com')).toHaveLength(3);
    const held = linksTo('ann@example.com').at(-1)!;

    // The real Ann asks too: same answer, no new mail, and the link she already has still works.
    expect((await askForLink('ann@example.com')).status).toBe(200);
    expect(mailsTo('ann@example.com')).toHaveLength(3);
    expect(await opens(held)).toBe(true);

    // Once she holds no working link (she used it), a request mails one even within the capped hour.
    w.t.clock.advance(10 * MIN);
    await askForLink('ann@example.com');
    expect(mailsTo('ann@example.com')).toHaveLength(4);
    expect(await opens(linksTo('ann@example.com').at(-1)!)).toBe(true);
  });
});

describe('nothing in the answers tells whether an address is registered', () => {
  it('the invite page reads the same after registering a known address and after a new one', async () => {
    w = await participantWorld({ exchange: { maxParticipants: 10 } });
    await w.register({ name: 'Ann', email: 'ann@example.com' });
    const visitor = w.client();
    const page = async () => withoutCsrf((await visitor.get(`/i/${w.code}`)).text);
    const before = await page();
    await w.register({ name: 'Ann again', email: 'ann@example.com' });
    const afterKnown = await page();
    await w.register({ name: 'Bob', email: 'bob@example.com' });
    const afterNew = await page();
    expect(afterKnown).toBe(before);
    expect(afterNew).toBe(before);
  });

  it('a login request is answered before the address is looked up: the same writes, no mail yet', async () => {
    w = await participantWorld();
    await w.add(['Ann']);
    const sql = w.t.deps.db.sqlite;
    const changes = () => (sql.prepare('select total_changes() as n').get() as { n: number }).n;
    const mailRows = () => w.count('email_outbox') + w.count('magic_tokens');
    const answerOf = async (email: string) => {
      const client = w.client();
      await client.get('/login');
      const headers = { host: client.host, origin: client.origin, 'content-type': 'application/x-www-form-urlencoded', cookie: `sk_csrf=${client.cookies.get('sk_csrf')}` };
      const body = new URLSearchParams({ email, _csrf: client.csrf! }).toString();
      const [writes, rows] = [changes(), mailRows()];
      // Checked in the same turn the answer arrives: deferred work runs on a later one.
      const response = await w.app.request('/login', { method: 'POST', headers, body });
      return { status: response.status, writes: changes() - writes, mailed: mailRows() - rows };
    };
    const known = await answerOf('ann@example.com');
    const unknown = await answerOf('zed@example.com');
    expect(known).toEqual(unknown);
    expect(known).toMatchObject({ status: 200, mailed: 0 });
    await deferredWorkDone(w.t.deps);
    expect(mailsTo('ann@example.com')).toHaveLength(1);
    expect(mailsTo('zed@example.com')).toHaveLength(0);
  });
});

describe('names on the registration form follow the contract’s rule', () => {
  it('refuses NUL, U+0085 and U+2028 and stores a normalised name', async () => {
    w = await participantWorld();
    const client = w.client();
    await client.get(`/i/${w.code}`);
    for (const [name, message] of [
      ['Ann\u0000', 'A name cannot contain control characters.'],
      ['Ann\u0085Smith', 'A name fits on one line.'],
      ['Ann\u2028Smith', 'A name fits on one line.'],
    ]) {
      const page = await client.post(`/i/${w.code}`, { name: name!, email: 'ann@example.com' });
      expect(page.status).toBe(400);
      expect(page.text).toContain(message);
    }
    expect(w.count('participants')).toBe(0);
    await w.register({ name: '  Ann \u00a0  Smith ', email: 'ann@example.com' });
    expect(person('ann@example.com').name).toBe('Ann Smith');
  });
});
