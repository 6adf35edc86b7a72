import { afterEach, describe, expect, it } from 'vitest';
import { authPath } from '../../support/participant-client';
import { LAN, participantWorld, type World } from '../../support/participant-world';

let w: World;
afterEach(() => w?.close());

const participants = () =>
  w.t.deps.db.sqlite.prepare('select name, email, gift_ideas, reminders_enabled, withdrawn_at from participants order by id').all() as Array<{
    name: string;
    email: string;
    gift_ideas: string;
    reminders_enabled: number;
    withdrawn_at: number | null;
  }>;

/** Page bodies without the per-browser CSRF value (the only part allowed to differ). */
const withoutCsrf = (text: string) => text.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""');

describe('the invite page in every state', () => {
  it('open: exchange details, a registration form with a CSRF field, and the places left', async () => {
    w = await participantWorld({ exchange: { maxParticipants: 3, description: 'Bring cookies' } });
    await w.add(['Ann']);
    const page = await w.client().get(`/i/${w.code}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i);
    expect(page.text).toContain('<h1>Family Christmas 2026</h1>');
    expect(page.text).toContain('Bring cookies');
    // No count of places: it would tell a visitor whether an address they typed was new.
    expect(page.text).not.toMatch(/spots? left/);
    expect(page.text).toMatch(new RegExp(`<form method="post" action="/i/${w.code}"`));
    expect(page.text).toMatch(/name="_csrf" value="[0-9a-f]{64}"/);
    for (const field of ['name="name"', 'name="email"', 'name="giftIdeas"', 'name="reminders"']) expect(page.text).toContain(field);
  });

  const statePages: Array<[string, (w: World) => Promise<void>, RegExp]> = [
    ['draft (not open yet)', async () => undefined, /Registration hasn’t opened yet/],
    ['closed', (w) => w.t.ok('exchanges.transition', { exchangeId: w.exchangeId, action: 'close' }).then(() => undefined), /Registration is closed/],
    ['past its deadline', async (w) => w.t.clock.set('2026-12-10T19:00:01Z'), /Registration is closed/],
    ['full', (w) => w.add(['Ann', 'Bob']).then(() => undefined), /This exchange is full/],
    ['cancelled', (w) => w.t.ok('exchanges.transition', { exchangeId: w.exchangeId, action: 'cancel' }).then(() => undefined), /This exchange was cancelled/],
    ['drawn', (w) => w.add(['Ann', 'Bob', 'Cy']).then(() => w.closeAndDraw()), /Names have already been drawn/],
  ];

  for (const [label, arrange, title] of statePages) {
    it(`${label}: a clear page without a form, and registering is refused with 409`, async () => {
      w = await participantWorld({ open: label !== 'draft (not open yet)', exchange: label === 'full' ? { maxParticipants: 2 } : {} });
      await arrange(w);
      const client = w.client();
      const page = await client.get(`/i/${w.code}`);
      expect(page.status).toBe(200);
      expect(page.text).toMatch(title);
      expect(page.text).toContain('Family Christmas 2026');
      expect(page.text).not.toContain(`action="/i/${w.code}"`);
      expect(page.text).toContain(`/login?exchange=${w.code}`);

      await client.get('/login'); // a CSRF token for the POST
      const before = w.count('participants');
      const posted = await client.post(`/i/${w.code}`, { name: 'Late Larry', email: 'larry@example.com', reminders: 'yes' });
      expect(posted.status).toBe(409);
      expect(posted.text).toMatch(title);
      expect(w.count('participants')).toBe(before);
      expect(w.outbox('welcome')).toEqual([]);
    });
  }

  it('unknown code: 404 that names no exchange, for GET and POST', async () => {
    w = await participantWorld();
    const client = w.client();
    const page = await client.get('/i/AAAAAAAAAAAAAAAAAAAAAAAA');
    expect(page.status).toBe(404);
    expect(page.text).toContain('This invite link doesn’t work');
    expect(page.text).not.toContain('Family Christmas');
    expect((await client.get(`/i/${'x'.repeat(5000)}`)).status).toBe(404);
    await client.get('/login');
    const posted = await client.post('/i/AAAAAAAAAAAAAAAAAAAAAAAA', { name: 'Ann', email: 'ann@example.com' });
    expect(posted.status).toBe(404);
    expect(w.count('participants')).toBe(0);
  });
});

describe('registration', () => {
  it('creates the participant, queues the welcome email with a link to this server and tells the organizer', async () => {
    w = await participantWorld();
    const client = await w.register({ name: '  Ann Able ', email: ' Ann@Example.COM ', giftIdeas: 'Socks\nhttps://example.com/book', reminders: false });
    expect(participants()).toEqual([{ name: 'Ann Able', email: 'ann@example.com', gift_ideas: 'Socks\nhttps://example.com/book', reminders_enabled: 0, withdrawn_at: null }]);
    const welcome = w.outbox('welcome');
    expect(welcome).toHaveLength(1);
    expect(welcome[0]!.to_address).toBe('ann@example.com');
    expect(welcome[0]!.text_body).toContain(`http://${LAN}/auth/`);
    expect(welcome[0]!.html_body).toContain(`http://${LAN}/auth/`);
    const notice = w.outbox('organizer-new-registration');
    expect(notice.map((m) => m.to_address)).toEqual(['olga@example.com']);
    expect(notice[0]!.text_body).toContain('Ann Able');
    // The welcome link signs Ann in.
    const path = authPath(welcome[0]!.text_body);
    await client.get(path);
    expect((await client.post(path)).location).toBe('/me');
    expect((await client.get('/me')).text).toContain('Hello, Ann Able');
  });

  it('without an organizer set, no organizer notice is queued', async () => {
    w = await participantWorld({ organizer: false });
    await w.register({ name: 'Ann', email: 'ann@example.com' });
    expect(w.outbox('welcome')).toHaveLength(1);
    expect(w.outbox('organizer-new-registration')).toEqual([]);
  });

  it('shows every wrong field with its message, keeps what was typed, and saves nothing (400)', async () => {
    w = await participantWorld();
    const client = w.client();
    await client.get(`/i/${w.code}`);
    const ideas = `My <list> & "wishes" ${'x'.repeat(2001)}`;
    const page = await client.post(`/i/${w.code}`, { name: '   ', email: 'ann.example.com', giftIdeas: ideas });
    expect(page.status).toBe(400);
    expect(page.text).toContain('Please check the form');
    expect(page.text).toContain('Enter a name.');
    expect(page.text).toContain('An email address has exactly one @, like name@example.com.');
    expect(page.text).toContain('Gift ideas can be at most 2000 characters.');
    expect(page.text).toContain('value="ann.example.com"');
    expect(page.text).toContain('My &lt;list&gt; &amp; &quot;wishes&quot; xxxx');
    expect(page.text).toMatch(/<input type="checkbox" id="reminders" name="reminders" value="yes"(?! checked)/);
    expect(page.text).toMatch(/aria-invalid="true"/);

    const again = await client.post(`/i/${w.code}`, { name: 'Ann\nSmith', email: 'ann@example.com', reminders: 'yes' });
    expect(again.status).toBe(400);
    expect(again.text).toContain('A name fits on one line.');
    expect(again.text).toContain('value="ann@example.com"');
    expect(again.text).toMatch(/name="reminders" value="yes" checked/);
    expect(w.count('participants')).toBe(0);
    expect(w.count('email_outbox')).toBe(0);
  });

  it('answers an already-registered address byte for byte like a new one, and mails a login link instead', async () => {
    w = await participantWorld();
    await w.register({ name: 'Ann', email: 'ann@example.com' });

    const fresh = w.client();
    await fresh.get(`/i/${w.code}`);
    const newOne = await fresh.post(`/i/${w.code}`, { name: 'Bob', email: 'bob@example.com', reminders: 'yes' });
    const known = w.client();
    await known.get(`/i/${w.code}`);
    // The same person (a name at an address; names without case) registering again.
    const again = await known.post(`/i/${w.code}`, { name: 'ANN', email: ' ANN@example.com', reminders: 'yes' });

    expect(again.status).toBe(newOne.status);
    expect(withoutCsrf(again.text)).toBe(withoutCsrf(newOne.text));
    const headers = (h: Headers) => [...h].filter(([k]) => k !== 'date');
    expect(headers(again.headers)).toEqual(headers(newOne.headers));
    expect(newOne.text).toContain('Check your inbox');

    expect(participants().map((p) => [p.name, p.email])).toEqual([
      ['Ann', 'ann@example.com'],
      ['Bob', 'bob@example.com'],
    ]);
    const links = w.outbox('magic-link');
    expect(links.map((m) => m.to_address)).toEqual(['ann@example.com']);
    expect(links[0]!.text_body).toContain(`http://${LAN}/auth/`);
    expect(w.outbox('welcome').map((m) => m.to_address)).toEqual(['ann@example.com', 'bob@example.com']);
    expect(w.outbox('organizer-new-registration')).toHaveLength(2);
  });

  it('lets a family share an address: a new name at a known address joins as its own person', async () => {
    w = await participantWorld();
    await w.register({ name: 'Ann', email: 'ann@example.com' });
    await w.register({ name: 'Mia', email: 'ann@example.com' });
    expect(participants().map((p) => [p.name, p.email])).toEqual([
      ['Ann', 'ann@example.com'],
      ['Mia', 'ann@example.com'],
    ]);
    expect(w.outbox('welcome').map((m) => m.to_address)).toEqual(['ann@example.com', 'ann@example.com']);
  });
});
