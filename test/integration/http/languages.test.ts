import { afterEach, describe, expect, it } from 'vitest';
import { FORM_LIMIT_BYTES } from '../../../src-main/http/participant/guard';
import { RATE_LIMITS } from '../../../src-main/services/common/rate-limit';
import { deferredWorkDone } from '../../../src-main/services/portal/after-response';
import { authPath, type ParticipantClient } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';

/**
 * Participant pages speak the reader's language: the browser's (Accept-Language) before sign-in,
 * else the exchange's; a signed-in person's own, else the exchange's. Registration keeps the
 * browser's choice, /me changes it, and kept pages never hand one language's page to another.
 */
let w: World;
afterEach(() => w?.close());

const GERMAN = { 'accept-language': 'de-DE,de;q=0.9' };
const JAPANESE = { 'accept-language': 'ja' };
const ENGLISH = { 'accept-language': 'en' };

const lang = (html: string) => /<html lang="([^"]+)">/.exec(html)?.[1];
const localeOf = (email: string) => (w.t.deps.db.sqlite.prepare('select locale from participants where email = ?').get(email) as { locale: string | null }).locale;

/** Registers through the invite form with the browser's headers (and optionally a language chosen in the form). */
async function register(client: ParticipantClient, headers: Record<string, string>, name: string, extra: Record<string, string> = {}) {
  await client.get(`/i/${w.code}`, headers);
  return client.post(`/i/${w.code}`, { name, email: `${name.toLowerCase()}@example.com`, giftIdeas: '', reminders: 'yes', ...extra }, { headers });
}

/** Follows the newest link mailed to an address, with the browser's headers. */
async function follow(client: ParticipantClient, email: string, headers: Record<string, string>) {
  await deferredWorkDone(w.t.deps);
  const mail = w
    .outbox()
    .filter((m) => m.to_address === email && /\/auth\//.test(m.text_body))
    .at(-1);
  const path = authPath(mail!.text_body);
  expect((await client.get(path, headers)).status).toBe(200);
  expect((await client.post(path, {}, { headers })).location).toBe('/me');
}

describe('the invite page', () => {
  it('is German for a German browser, and says so in <html lang>', async () => {
    w = await participantWorld();
    const page = await w.client().get(`/i/${w.code}`, GERMAN);
    expect(page.status).toBe(200);
    expect(lang(page.text)).toBe('de');
    expect(page.text).toContain('Du bist zum Wichteln eingeladen');
    expect(page.text).toContain('Donnerstag, 24. Dezember 2026 um 18:00 Uhr (Europe/Berlin)');
    expect(page.text).toMatch(/<dd>30\s€<\/dd>/u);
    expect(page.text).not.toContain('You’re invited');
    expect(page.text).not.toContain('Join the exchange');
  });

  it('is in the exchange’s language for a browser that names none of ours, or no language at all', async () => {
    w = await participantWorld({ exchange: { locale: 'es' } });
    for (const headers of [JAPANESE, {}]) {
      const page = await w.client().get(`/i/${w.code}`, headers);
      expect(lang(page.text)).toBe('es');
      expect(page.text).toContain('Te han invitado a un amigo invisible');
    }
    const english = await w.client().get(`/i/${w.code}`, { 'accept-language': 'en-US,en;q=0.9' });
    expect(lang(english.text)).toBe('en');
    expect(english.text).toContain('You’re invited to a Secret Santa');
  });

  it('is kept per language: a German page never reaches an English browser, or the reverse', async () => {
    w = await participantWorld();
    const asked = [GERMAN, { 'accept-language': 'en' }, GERMAN, { 'accept-language': 'fr-CA' }, {}, { 'accept-language': 'en' }, GERMAN, { 'accept-language': 'fr' }];
    const expected = ['de', 'en', 'de', 'fr', 'en', 'en', 'de', 'fr'];
    const seen: Array<string | undefined> = [];
    for (const headers of asked) {
      // Twice each: the second answer is the kept page.
      const first = await w.client().get(`/i/${w.code}`, headers);
      const second = await w.client().get(`/i/${w.code}`, headers);
      expect(lang(second.text)).toBe(lang(first.text));
      seen.push(lang(second.text));
    }
    expect(seen).toEqual(expected);
  });

  it('names a refused field in the page’s language', async () => {
    w = await participantWorld();
    const client = w.client();
    await client.get(`/i/${w.code}`, GERMAN);
    const refused = await client.post(`/i/${w.code}`, { name: '', email: 'no-at-sign', giftIdeas: 'x'.repeat(2001) }, { headers: GERMAN });
    expect(refused.status).toBe(400);
    expect(lang(refused.text)).toBe('de');
    expect(refused.text).toContain('Bitte prüf das Formular');
    expect(refused.text).toContain('Gib einen Namen ein.');
    expect(refused.text).toContain('Eine E-Mail-Adresse hat genau ein @');
    expect(refused.text).toContain('Geschenkideen haben höchstens 2000 Zeichen.');
    expect(w.count('participants')).toBe(0);
  });
});

describe('a refused form before sign-in', () => {
  const tooLarge = 'name=' + 'x'.repeat(FORM_LIMIT_BYTES);

  it('on the invite page speaks its language: the exchange’s for a browser naming none of ours (stale 403, too large 413, too many 429)', async () => {
    w = await participantWorld({ exchange: { locale: 'es' } });
    const client = w.client();
    expect(lang((await client.get(`/i/${w.code}`, JAPANESE)).text)).toBe('es');
    const stale = await client.post(`/i/${w.code}`, { name: 'Hiro', email: 'hiro@example.com' }, { headers: JAPANESE, csrf: 'x'.repeat(43) });
    expect(stale.status).toBe(403);
    expect(lang(stale.text)).toBe('es');
    expect(stale.text).toContain('Solicitud rechazada');
    const german = await client.post(`/i/${w.code}`, { name: 'Hiro', email: 'hiro@example.com' }, { headers: GERMAN, csrf: 'x'.repeat(43) });
    expect(lang(german.text)).toBe('de');
    const large = await client.post(`/i/${w.code}`, {}, { headers: JAPANESE, body: tooLarge });
    expect(large.status).toBe(413);
    expect(large.text).toBe('Ese formulario es demasiado grande.');
    let limited = stale;
    for (let i = 0; i <= RATE_LIMITS.registerPerClient.limit && limited.status !== 429; i++) {
      limited = await client.post(`/i/${w.code}`, { name: `Hiro ${i}`, email: `hiro${i}@example.com`, reminders: 'yes' }, { headers: JAPANESE });
    }
    expect(limited.status).toBe(429);
    expect(lang(limited.text)).toBe('es');
    expect(limited.text).toContain('Demasiados intentos');
  });

  it('on the login form of an exchange speaks that exchange’s language too', async () => {
    w = await participantWorld({ exchange: { locale: 'es' } });
    const client = w.client();
    const form = await client.get(`/login?exchange=${w.code}`, JAPANESE);
    expect(lang(form.text)).toBe('es');
    expect(form.text).toContain(`action="/login?exchange=${w.code}"`);
    const stale = await client.post(`/login?exchange=${w.code}`, { exchange: w.code, email: 'hiro@example.com' }, { headers: JAPANESE, csrf: 'x'.repeat(43) });
    expect(stale.status).toBe(403);
    expect(lang(stale.text)).toBe('es');
    const large = await client.post(`/login?exchange=${w.code}`, {}, { headers: JAPANESE, body: tooLarge });
    expect(large.status).toBe(413);
    expect(large.text).toBe('Ese formulario es demasiado grande.');
    let limited = stale;
    for (let i = 0; i <= RATE_LIMITS.loginPerClient.limit && limited.status !== 429; i++) {
      limited = await client.post(`/login?exchange=${w.code}`, { exchange: w.code, email: `hiro${i}@example.com` }, { headers: JAPANESE });
    }
    expect(limited.status).toBe(429);
    expect(lang(limited.text)).toBe('es');
    await deferredWorkDone(w.t.deps);
  });
});

describe('the pages a mailed link opens', () => {
  it('speak the browser’s language, else the language of the person the link was mailed to', async () => {
    w = await participantWorld({ exchange: { locale: 'es' } });
    await register(w.client(), JAPANESE, 'Hiro');
    await deferredWorkDone(w.t.deps);
    const path = authPath(
      w
        .outbox()
        .filter((m) => m.to_address === 'hiro@example.com')
        .at(-1)!.text_body,
    );
    const spanish = await w.client().get(path, JAPANESE);
    expect(lang(spanish.text)).toBe('es');
    expect(spanish.text).toContain('Ir a mi página');
    const german = await w.client().get(path, GERMAN);
    expect(german.text).toContain('Weiter zu meiner Seite');
    const unknown = await w.client().get('/auth/no-such-token-at-all', JAPANESE);
    expect(unknown.status).toBe(404);
    expect(lang(unknown.text)).toBe('en');
  });
});

describe('registration keeps the language', () => {
  it('stores the browser’s language, null for a browser that names none of ours, and a language chosen in the form', async () => {
    w = await participantWorld({ exchange: { locale: 'es' } });
    const done = await register(w.client(), GERMAN, 'Greta');
    expect(done.status).toBe(200);
    expect(lang(done.text)).toBe('de');
    expect(done.text).toContain('Schau in dein Postfach');
    expect(localeOf('greta@example.com')).toBe('de');

    await register(w.client(), JAPANESE, 'Hiro');
    expect(localeOf('hiro@example.com')).toBeNull();
    // The select comes pre-filled with the exchange's language; left so, the person follows the exchange.
    await register(w.client(), JAPANESE, 'Kenji', { locale: 'es' });
    expect(localeOf('kenji@example.com')).toBeNull();

    const chosen = await register(w.client(), GERMAN, 'Francine', { locale: 'fr' });
    expect(lang(chosen.text)).toBe('fr');
    expect(localeOf('francine@example.com')).toBe('fr');
  });

  it('refuses a language we do not speak, at the form’s language field, and saves nobody', async () => {
    w = await participantWorld({ exchange: { locale: 'en' } });
    for (const bad of ['ja', '__proto__', 'constructor', 'DE', 'x'.repeat(5000)]) {
      const refused = await register(w.client(), GERMAN, 'Greta', { locale: bad });
      expect(refused.status, bad.slice(0, 20)).toBe(400);
      expect(lang(refused.text)).toBe('de');
      expect(refused.text).toContain('Bitte prüf das Formular');
      expect(refused.text).toContain('<a href="#language">Wähl eine der Sprachen aus der Liste.</a>');
      expect(refused.text).toMatch(/<select id="language" name="locale" aria-invalid="true"/);
      // What was typed is kept.
      expect(refused.text).toContain('value="greta@example.com"');
    }
    expect(w.count('participants')).toBe(0);
    expect(w.outbox()).toEqual([]);
    // An empty choice is no choice: the page's language.
    expect((await register(w.client(), GERMAN, 'Greta', { locale: '' })).status).toBe(200);
    expect(localeOf('greta@example.com')).toBe('de');
  });

  it('takes the language of a person who left and signs up again: their come-back email, their page and their stored language', async () => {
    w = await participantWorld({ exchange: { locale: 'en' } });
    const first = w.client();
    await register(first, ENGLISH, 'Greta');
    expect(localeOf('greta@example.com')).toBe('en');
    await follow(first, 'greta@example.com', ENGLISH);
    await first.get('/me');
    expect((await first.post('/me/withdraw', { confirm: 'yes' })).status).toBe(200);

    // Back from a German browser, German picked in the form.
    const again = w.client();
    const done = await register(again, GERMAN, 'Greta', { locale: 'de' });
    expect(lang(done.text)).toBe('de');
    const welcome = w
      .outbox('welcome')
      .filter((m) => m.to_address === 'greta@example.com')
      .at(-1)!;
    expect(welcome.subject).toBe('Family Christmas 2026: Du bist dabei!');
    expect(welcome.html_body).toContain('<html lang="de">');
    // The link's page, for a browser that names none of ours, speaks it too.
    const path = authPath(welcome.text_body);
    expect(lang((await again.get(path, JAPANESE)).text)).toBe('de');
    expect((await again.post(path, {}, { headers: JAPANESE })).location).toBe('/me');
    expect(localeOf('greta@example.com')).toBe('de');
    const page = await again.get('/me', ENGLISH);
    expect(lang(page.text)).toBe('de');
    expect(page.text).toContain('Hallo, Greta');
  });

  it('welcomes back a person of a shared address in the language they came back in, the subject’s “for Greta” too', async () => {
    w = await participantWorld({ exchange: { locale: 'en' } });
    const family = 'family@example.com';
    const first = w.client();
    await first.get(`/i/${w.code}`, ENGLISH);
    await first.post(`/i/${w.code}`, { name: 'Greta', email: family, giftIdeas: '', reminders: 'yes' }, { headers: ENGLISH });
    await follow(first, family, ENGLISH);
    await first.get('/me');
    expect((await first.post('/me/withdraw', { confirm: 'yes' })).status).toBe(200);
    // Mia shares the address and stays.
    const mia = w.client();
    await mia.get(`/i/${w.code}`, ENGLISH);
    await mia.post(`/i/${w.code}`, { name: 'Mia', email: family, giftIdeas: '', reminders: 'yes' }, { headers: ENGLISH });

    const again = w.client();
    await again.get(`/i/${w.code}`, GERMAN);
    await again.post(`/i/${w.code}`, { name: 'Greta', email: family, giftIdeas: '', reminders: 'yes', locale: 'de' }, { headers: GERMAN });
    await deferredWorkDone(w.t.deps);
    const welcome = w
      .outbox('welcome')
      .filter((m) => m.to_address === family)
      .at(-1)!;
    expect(welcome.subject).toBe('Family Christmas 2026: Du bist dabei! (für Greta)');
  });

  it('lets a person who left and comes back from a browser naming none of ours follow the exchange’s language', async () => {
    w = await participantWorld({ exchange: { locale: 'es' } });
    const first = w.client();
    await register(first, GERMAN, 'Greta');
    await follow(first, 'greta@example.com', GERMAN);
    await first.get('/me');
    await first.post('/me/withdraw', { confirm: 'yes' });

    const again = w.client();
    await register(again, JAPANESE, 'Greta');
    const welcome = w
      .outbox('welcome')
      .filter((m) => m.to_address === 'greta@example.com')
      .at(-1)!;
    expect(welcome.html_body).toContain('<html lang="es">');
    await follow(again, 'greta@example.com', JAPANESE);
    expect(localeOf('greta@example.com')).toBeNull();
  });

  it('pre-fills the form’s language select with the page’s language', async () => {
    w = await participantWorld();
    const page = await w.client().get(`/i/${w.code}`, GERMAN);
    expect(page.text).toMatch(/<option value="de" lang="de" selected>Deutsch<\/option>/);
    expect(page.text).toContain('<option value="fr" lang="fr">Français</option>');
  });
});

describe('/me', () => {
  async function germanGreta(): Promise<ParticipantClient> {
    const client = w.client();
    await register(client, GERMAN, 'Greta');
    await follow(client, 'greta@example.com', GERMAN);
    return client;
  }

  it('follows the person’s language whatever the browser says, then the exchange’s once they have none', async () => {
    w = await participantWorld({ exchange: { locale: 'es' } });
    const greta = await germanGreta();
    const page = await greta.get('/me', { 'accept-language': 'en' });
    expect(lang(page.text)).toBe('de');
    expect(page.text).toContain('Hallo, Greta');
    expect(page.text).toContain('Die Namen sind noch nicht ausgelost');

    const id = (await w.t.ok('participants.list', { exchangeId: w.exchangeId }))[0]!.id;
    await w.t.ok('participants.update', { participantId: id, patch: { locale: null } });
    const exchanges = await greta.get('/me', GERMAN);
    expect(lang(exchanges.text)).toBe('es');
    expect(exchanges.text).toContain('Hola, Greta');
  });

  it('changes language with the Language form: saved, and the page answers in it at once', async () => {
    w = await participantWorld();
    const greta = await germanGreta();
    expect((await greta.get('/me')).text).toContain('<option value="de" lang="de" selected>Deutsch</option>');
    const saved = await greta.post('/me/language', { locale: 'fr' });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/me?done=language#language-section');
    expect(localeOf('greta@example.com')).toBe('fr');
    const page = await greta.get(saved.location!);
    expect(lang(page.text)).toBe('fr');
    expect(page.text).toContain('Ta langue est enregistrée.');
    expect(page.text).toContain('Bonjour Greta');
    // The kept page (no query) is French too.
    expect(lang((await greta.get('/me')).text)).toBe('fr');
    expect(lang((await greta.get('/me')).text)).toBe('fr');
  });

  it('refuses the Language form without its CSRF token, or with a language we do not speak, and saves nothing', async () => {
    w = await participantWorld();
    const greta = await germanGreta();
    await greta.get('/me');
    const forged = await greta.post('/me/language', { locale: 'fr' }, { csrf: null });
    expect(forged.status).toBe(403);
    expect(lang(forged.text)).toBe('de');
    expect(forged.text).toContain('Anfrage abgelehnt');
    const wrongToken = await greta.post('/me/language', { locale: 'fr' }, { csrf: 'x'.repeat(43) });
    expect(wrongToken.status).toBe(403);

    const bad = await greta.post('/me/language', { locale: 'ja' });
    expect(bad.status).toBe(400);
    expect(lang(bad.text)).toBe('de');
    expect(bad.text).toContain('Wähl eine der Sprachen aus der Liste.');
    expect(bad.text).toContain('aria-invalid="true"');
    const none = await greta.post('/me/language', {});
    expect(none.status).toBe(400);
    expect(localeOf('greta@example.com')).toBe('de');
  });

  it('speaks the person’s language in the sentences about their giftee after the draw', async () => {
    w = await participantWorld();
    const greta = await germanGreta();
    await w.add(['Bertram', 'Cordelia']);
    await w.closeAndDraw();
    const page = (await greta.get('/me')).text;
    expect(page).toContain('Du beschenkst');
    expect(page).toContain('Geschenkideen');
    expect(page).toMatch(/Alle Daten dieser Wichtelrunde werden am \w+, \d+\. \w+ \d{4} gelöscht \(in \d+ Tagen\)\./u);
  });
});

describe('the table draw device', () => {
  it('speaks the exchange’s language on the shared screens, and each person’s own on the screen with their giftee', async () => {
    w = await participantWorld({ exchange: { locale: 'fr' } });
    await w.add(['Ann', 'Bob']);
    const tim = (await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Tim', delivery: 'in_person', locale: 'de' })).id;
    const mia = (await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Mia', delivery: 'in_person' })).id;
    await w.closeAndDraw();
    const { url } = await w.t.ok('tableDraw.open', { exchangeId: w.exchangeId });
    // A German browser: the device is the family's, so the exchange's language wins.
    const device = w.client();
    const path = new URL(url).pathname;
    const start = await device.get(path, GERMAN);
    expect(lang(start.text)).toBe('fr');
    expect(start.text).toContain('Utiliser cet appareil pour le tirage à table');
    await device.post(path, {}, { headers: GERMAN });
    const list = await device.get('/table', GERMAN);
    expect(lang(list.text)).toBe('fr');
    expect(list.text).toContain('À qui le tour\u00a0?');

    const confirm = await device.get(`/table/confirm/${tim}`, GERMAN);
    expect(confirm.text).toContain('Es-tu Tim\u00a0?');
    expect((await device.post('/table/look', { participantId: String(tim) }, { headers: GERMAN })).location).toBe('/table/show');
    const timSees = await device.get('/table/show', GERMAN);
    expect(lang(timSees.text)).toBe('de');
    expect(timSees.text).toContain('Tim, du beschenkst');
    expect(timSees.text).toContain('Verbergen und weitergeben');
    await device.post('/table/hide', {}, { headers: GERMAN });

    await device.get(`/table/confirm/${mia}`);
    await device.post('/table/look', { participantId: String(mia) });
    const miaSees = await device.get('/table/show');
    expect(lang(miaSees.text)).toBe('fr');
    expect(miaSees.text).toContain('Mia, tu offres un cadeau à');
    await device.post('/table/hide');
    const again = await device.get(`/table/confirm/${tim}`);
    expect(again.status).toBe(409);
    expect(again.text).toContain('Tim a déjà regardé sur cet appareil.');
  });
});
