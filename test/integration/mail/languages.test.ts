import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { participantWorld, type World } from '../../support/participant-world';
import { sinkSmtpSettings, startSmtpSink, type ReceivedMessage, type SmtpSink } from '../../support/smtp-sink';
import { withDeadline } from '../../support/stand-ins';

/*
 * Which language an email goes out in: the participant's own, else the exchange's, read when the
 * relay renders the row (so a change made while it waits applies); the organizer's emails in the
 * organizer's. Real SQLite, the relay delivering over SMTP to a real server on 127.0.0.1.
 */

let w: World;
let sink: SmtpSink;

beforeEach(async () => {
  sink = await startSmtpSink();
  w = await participantWorld({ open: false, exchange: { name: 'Kringel 2026', locale: 'de', exchangeAt: '2026-12-19T18:00', budget: { amount: '25', currency: 'EUR' } } });
});

afterEach(async () => {
  await w.t.app.relay.stop();
  w.close();
  await sink.stop();
});

const settled = () => withDeadline(w.t.app.relay.settled(), 30_000, () => 'relay did not settle');
const to = (address: string, subject: RegExp) => sink.messages.filter((m) => m.envelopeTo.includes(address) && subject.test(m.parsed?.subject ?? ''));
const only = (address: string, subject: RegExp): ReceivedMessage => {
  const found = to(address, subject);
  expect(found.map((m) => m.parsed?.subject)).toHaveLength(1);
  return found[0]!;
};
const text = (m: ReceivedMessage) => m.parsed?.text ?? '';
const html = (m: ReceivedMessage) => (m.parsed?.html || '') as string;
const calendar = (m: ReceivedMessage) => m.parsed?.attachments.find((a) => a.contentType.startsWith('text/calendar'))?.content.toString('utf8') ?? '';

describe('the language of each email', () => {
  it('is the participant’s own, else the exchange’s, as it is when the relay sends; the organizer’s is theirs', async () => {
    await w.t.ok('settings.update', { language: 'es' });
    const add = (name: string, locale: 'fr' | null) => w.t.ok('participants.add', { exchangeId: w.exchangeId, name, email: `${name.toLowerCase()}@example.com`, locale });
    const ann = await add('Ann', 'fr');
    await add('Bob', null);
    const cy = await add('Cy', null);
    await w.t.ok('smtp.set', sinkSmtpSettings(sink));

    // The invitations wait in the outbox (the relay is not running) while Cy picks Spanish.
    await w.t.ok('participants.invite', { exchangeId: w.exchangeId, requestId: 'first-press-1' });
    expect(w.outbox('welcome')).toHaveLength(3);
    await w.t.ok('participants.update', { participantId: cy.id, patch: { locale: 'es' } });
    w.t.app.relay.start();
    await sink.waitForMessages(3);
    await settled();

    const annWelcome = only('ann@example.com', /Kringel 2026/);
    expect(annWelcome.parsed?.subject).toBe('Kringel 2026 : c’est bon, tu participes !');
    expect(text(annWelcome)).toContain('Bienvenue, Ann\u00a0!');
    expect(text(annWelcome)).toContain('Olga Organizer t’a ajouté·e à Kringel 2026.');
    expect(text(annWelcome)).toContain('samedi 19 décembre 2026 à 18:00 (Europe/Berlin)');
    expect(text(annWelcome)).toMatch(/25\s€ par cadeau/);
    expect(html(annWelcome)).toContain('<html lang="fr">');

    const bobWelcome = only('bob@example.com', /Kringel 2026/);
    expect(bobWelcome.parsed?.subject).toBe('Kringel 2026: Du bist dabei!');
    expect(text(bobWelcome)).toContain('Willkommen, Bob!');
    expect(text(bobWelcome)).toContain('Samstag, 19. Dezember 2026 um 18:00 Uhr (Europe/Berlin)');
    expect(text(bobWelcome)).toMatch(/25\s€ pro Geschenk/);
    expect(html(bobWelcome)).toContain('<html lang="de">');

    const cyWelcome = only('cy@example.com', /Kringel 2026/);
    expect(cyWelcome.parsed?.subject).toBe('Kringel 2026: ¡ya estás dentro!');
    expect(text(cyWelcome)).toContain('sábado, 19 de diciembre de 2026');
    expect(html(cyWelcome)).toContain('<html lang="es">');

    // Ann goes back to the exchange's language before the draw: her match email is German,
    // its calendar file too; Cy's stays Spanish; the organizer's notice is in her own Spanish.
    await w.t.ok('participants.update', { participantId: ann.id, patch: { locale: null } });
    await w.t.ok('exchanges.transition', { exchangeId: w.exchangeId, action: 'open' });
    await w.closeAndDraw();
    await sink.waitForMessages(7);
    await settled();

    const annMatch = only('ann@example.com', /Wen du beschenkst/);
    expect(annMatch.parsed?.subject).toBe('Kringel 2026: Wen du beschenkst');
    expect(text(annMatch)).toContain('Du bist der Wichtel für');
    expect(calendar(annMatch)).toContain('SUMMARY:Wichteln: Kringel 2026');
    const cyMatch = only('cy@example.com', /a quién regalas/);
    expect(text(cyMatch)).toContain('Eres el amigo invisible de');
    expect(calendar(cyMatch)).toContain('SUMMARY:Amigo invisible: Kringel 2026');
    const drawDone = only('olga@example.com', /Kringel 2026/);
    expect(drawDone.parsed?.subject).toBe('Kringel 2026: ya se han sorteado los nombres');
    expect(text(drawDone)).toContain('Ya se han sorteado los nombres de Kringel 2026 (3 participantes).');
    expect(html(drawDone)).toContain('<html lang="es">');
  });

  it('tells a person the organizer looked at their draw in their language as it is when sent, naming no giftee', async () => {
    const ann = await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Ann', email: 'ann@example.com', locale: null });
    for (const name of ['Bob', 'Cy']) await w.t.ok('participants.add', { exchangeId: w.exchangeId, name, email: `${name.toLowerCase()}@example.com` });
    await w.t.ok('exchanges.transition', { exchangeId: w.exchangeId, action: 'open' });
    await w.closeAndDraw();
    // The notice waits (no SMTP yet) while Ann picks French.
    await w.t.ok('participants.personalLink', { participantId: ann.id, confirm: true });
    await w.t.ok('participants.update', { participantId: ann.id, patch: { locale: 'fr' } });
    await w.t.ok('smtp.set', sinkSmtpSettings(sink));
    w.t.app.relay.start();
    await sink.waitForMessages(4);
    await settled();

    const notice = only('ann@example.com', /regardé ton tirage/);
    expect(notice.parsed?.subject).toBe('Kringel 2026 : l’organisateur a regardé ton tirage');
    expect(text(notice)).toContain('l’organisateur a ouvert un lien personnel vers ta page');
    expect(html(notice)).toContain('<html lang="fr">');
    for (const other of ['Bob', 'Cy']) expect(text(notice)).not.toContain(other);
  });

  it('reminds each person in their own language, days counted in theirs', async () => {
    await w.t.ok('smtp.set', sinkSmtpSettings(sink));
    for (const [name, locale] of [
      ['Ann', 'fr'],
      ['Bob', null],
      ['Cy', 'es'],
    ] as const) {
      await w.t.ok('participants.add', { exchangeId: w.exchangeId, name, email: `${name.toLowerCase()}@example.com`, locale });
    }
    await w.t.ok('exchanges.transition', { exchangeId: w.exchangeId, action: 'open' });
    await w.closeAndDraw();
    w.t.app.relay.start();
    await sink.waitForMessages(3);
    await settled();

    // Three days before the party (the exchange's planned 3-day reminder), the jobs send it.
    w.t.clock.set('2026-12-16T10:00:00+01:00');
    await w.t.app.jobs.runDue();
    await settled();
    const reminder = (address: string) => to(address, /./).filter((m) => !/Wen du beschenkst|à qui tu offres|a quién regalas/.test(m.parsed?.subject ?? ''));
    const [ann, bob, cy] = ['ann@example.com', 'bob@example.com', 'cy@example.com'].map((address) => {
      const found = reminder(address);
      expect(found.map((m) => m.parsed?.subject)).toHaveLength(1);
      return found[0]!;
    });
    expect(ann!.parsed?.subject).toMatch(/^Kringel 2026 : .*dans 3 jours/u);
    expect(html(ann!)).toContain('<html lang="fr">');
    expect(bob!.parsed?.subject).toMatch(/^Kringel 2026: .*in 3 Tagen/u);
    expect(html(bob!)).toContain('<html lang="de">');
    expect(cy!.parsed?.subject).toMatch(/^Kringel 2026: .*dentro de 3 días|^Kringel 2026: .*en 3 días/u);
    expect(html(cy!)).toContain('<html lang="es">');
  });
});
