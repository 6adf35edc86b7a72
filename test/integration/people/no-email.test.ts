import { afterEach, describe, expect, it } from 'vitest';
import { authPath } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';

/**
 * People without email (issue #18): the organizer chooses how they learn their giftee. Nothing is
 * ever addressed to them; "someone delivers it" emails the deliverer a link without the giftee;
 * reminders skip them and the job log says why. Real SQLite, the participant app over HTTP.
 */
let w: World;
afterEach(() => w?.close());

const receiverName = (giver: number) =>
  (w.t.deps.db.sqlite.prepare('select p.name from matches m join participants p on p.id = m.receiver_id where m.giver_id = ?').get(giver) as { name: string }).name;

/** Ann, Bob, Cy by email; Grandma (card), Opa (Ann passes his link on) and Tim (at the table) without. */
async function family(): Promise<Record<string, number>> {
  const ids = await w.add(['Ann', 'Bob', 'Cy']);
  const add = async (name: string, delivery: 'card' | 'in_person' | 'delivered', deliveredBy: number | null = null) =>
    (ids[name] = (await w.t.ok('participants.add', { exchangeId: w.exchangeId, name, delivery, deliveredBy })).id);
  await add('Grandma', 'card');
  await add('Opa', 'delivered', ids['Ann']!);
  await add('Tim', 'in_person');
  return ids;
}

describe('people without email', () => {
  it('are added without an address only with another way to learn their giftee, named in the error otherwise', async () => {
    w = await participantWorld();
    const ids = await family();
    const list = await w.t.ok('participants.list', { exchangeId: w.exchangeId });
    const grandma = list.find((p) => p.name === 'Grandma')!;
    expect(grandma).toMatchObject({ email: '', delivery: 'card', deliveredBy: null, sharesAddressWith: [] });
    expect(list.find((p) => p.name === 'Opa')).toMatchObject({ delivery: 'delivered', deliveredBy: ids['Ann'] });

    const noAddress = await w.t.call('participants.add', { exchangeId: w.exchangeId, name: 'Oma' });
    expect(noAddress).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'email', message: expect.stringContaining('another way') }] } });
    const nobodyDelivers = await w.t.call('participants.add', { exchangeId: w.exchangeId, name: 'Oma', delivery: 'delivered' });
    expect(nobodyDelivers).toMatchObject({ ok: false, error: { issues: [{ path: 'deliveredBy', message: 'Choose who passes the link on to them.' }] } });
    const delivererWithoutEmail = await w.t.call('participants.add', { exchangeId: w.exchangeId, name: 'Oma', delivery: 'delivered', deliveredBy: ids['Grandma']! });
    expect(delivererWithoutEmail).toMatchObject({ ok: false, error: { issues: [{ path: 'deliveredBy', message: expect.stringContaining('Grandma has no email address') }] } });
    const twice = await w.t.call('participants.add', { exchangeId: w.exchangeId, name: 'grandma', delivery: 'card' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict', message: 'grandma (without email) is already taking part in this exchange.' } });
    // Ann passes Opa's link on, so she keeps her address.
    const annLoses = await w.t.call('participants.update', { participantId: ids['Ann']!, patch: { email: '', delivery: 'card' } });
    expect(annLoses).toMatchObject({ ok: false, error: { issues: [{ path: 'email', message: expect.stringContaining('passes links on') }] } });
    expect(w.count('participants')).toBe(6);
  });

  it('get no email at the draw; the deliverer gets a link without the giftee that opens the person’s own page', async () => {
    w = await participantWorld();
    const ids = await family();
    await w.closeAndDraw();
    const rows = w.outbox();
    expect(rows.filter((m) => m.to_address === '')).toEqual([]);
    for (const name of ['Grandma', 'Tim']) expect(rows.filter((m) => m.participant_id === ids[name])).toEqual([]);
    expect(
      w
        .outbox('match')
        .map((m) => m.to_address)
        .sort(),
    ).toEqual(['ann@example.com', 'bob@example.com', 'cy@example.com']);

    const [passOn, ...more] = w.outbox('pass-on-link');
    expect(more).toEqual([]);
    expect(passOn!.to_address).toBe('ann@example.com');
    expect(passOn!.subject).toBe('Family Christmas 2026: A Secret Santa link to pass on to Opa');
    // The body names only Ann (who reads it) and Opa (whom it is for), never the giftee.
    for (const name of ['Bob', 'Cy', 'Grandma', 'Tim']) expect(passOn!.text_body).not.toContain(name);
    expect(passOn!.text_body).not.toContain('Secret Santa for');

    const client = w.client();
    const path = authPath(passOn!.text_body);
    await client.get(path);
    expect((await client.post(path)).status).toBe(303);
    const page = (await client.get('/me')).text;
    expect(page).toContain('Opa');
    expect(page).toContain(receiverName(ids['Opa']!));
    // The link is Opa's way in: it works again later (he cannot ask for a login link).
    const again = w.client();
    await again.get(path);
    expect((await again.post(path)).status).toBe(303);
  });

  it('after the draw, a new way takes effect at once: switched to "passed on", the deliverer is emailed the link', async () => {
    w = await participantWorld();
    const ids = await family();
    await w.closeAndDraw();
    expect(w.outbox('pass-on-link').map((m) => m.to_address)).toEqual(['ann@example.com']);
    await w.t.ok('participants.update', { participantId: ids['Grandma']!, patch: { delivery: 'delivered', deliveredBy: ids['Bob']! } });
    const links = w.outbox('pass-on-link');
    expect(links.map((m) => m.to_address)).toEqual(['ann@example.com', 'bob@example.com']);
    expect(links[1]!.subject).toBe('Family Christmas 2026: A Secret Santa link to pass on to Grandma');
    // Saving again without a change sends nothing more.
    await w.t.ok('participants.update', { participantId: ids['Grandma']!, patch: { giftIdeas: 'Tea' } });
    expect(w.outbox('pass-on-link')).toHaveLength(2);
  });

  it('keep the one who passes their link on: removing her, or her leaving from her page, is refused with a clear message and changes nothing', async () => {
    w = await participantWorld();
    const ids = await family();
    await w.closeAndDraw();
    const matches = () => w.t.deps.db.sqlite.prepare('select giver_id, receiver_id from matches order by giver_id').all();
    const before = matches();
    const removed = await w.t.call('participants.remove', { participantId: ids['Ann']! });
    expect(removed).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Ann passes links on to others. Choose someone else for them first, then remove Ann.' } });
    const ann = await w.signIn('ann@example.com');
    const left = await ann.post('/me/withdraw', { confirm: 'yes' });
    expect(left.status).toBe(409);
    expect(left.text).toContain('You pass page links on to others. Ask the organizer to choose someone else for them, then leave.');
    expect(matches()).toEqual(before);
    expect(w.count('participants')).toBe(6);
    expect(w.t.deps.db.sqlite.prepare('select withdrawn_at from participants where id = ?').pluck().get(ids['Ann']!)).toBeNull();
    // Once someone else passes Opa's link on, Ann may go.
    await w.t.ok('participants.update', { participantId: ids['Opa']!, patch: { deliveredBy: ids['Bob']! } });
    expect((await w.t.ok('participants.remove', { participantId: ids['Ann']! })).changedCount).toBeGreaterThan(0);
  });

  it('are skipped by reminders, and the job log records how many and why', async () => {
    w = await participantWorld();
    const ids = await family();
    await w.closeAndDraw();
    const report = await w.t.ok('jobs.sendReminderNow', { exchangeId: w.exchangeId });
    expect(report.runs[0]!.counts).toMatchObject({ queued: 3, noEmail: 3 });
    const reminded = w.outbox('reminder').map((m) => m.participant_id);
    expect(reminded.sort()).toEqual([ids['Ann'], ids['Bob'], ids['Cy']].sort());
    const [logged] = await w.t.ok('jobs.runs', { limit: 5, job: 'reminders' });
    expect(logged!.counts).toMatchObject({ noEmail: 3 });
  });

  it('with an address but learning at the table or on a card, get no reminder either: it would name their giftee', async () => {
    w = await participantWorld();
    const ids = await w.add(['Ann', 'Bob', 'Cy']);
    const tim = (await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Tim', email: 'tim@example.com', delivery: 'in_person' })).id;
    const gran = (await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Gran', email: 'gran@example.com', delivery: 'card' })).id;
    await w.closeAndDraw();
    const report = await w.t.ok('jobs.sendReminderNow', { exchangeId: w.exchangeId });
    expect(report.runs[0]!.counts).toMatchObject({ queued: 3, otherWay: 2 });
    const reminded = w.outbox('reminder').map((m) => m.participant_id);
    expect(reminded.sort()).toEqual(Object.values(ids).sort());
    expect(w.outbox('reminder').some((m) => m.participant_id === tim || m.participant_id === gran)).toBe(false);
  });

  it('are never written to, not even when the organizer opens their personal link', async () => {
    w = await participantWorld();
    const ids = await family();
    const invited = await w.t.call('participants.invite', { exchangeId: w.exchangeId, participantId: ids['Tim']!, requestId: 'request-tim-1' });
    expect(invited).toMatchObject({ ok: false, error: { message: expect.stringContaining('Tim has no email address') } });
    const everyone = await w.t.ok('participants.invite', { exchangeId: w.exchangeId, requestId: 'request-all-1' });
    expect(everyone.invited).toBe(3);
    await w.closeAndDraw();
    await w.t.ok('participants.personalLink', { participantId: ids['Grandma']!, confirm: true });
    expect(w.outbox().filter((m) => m.to_address === '' || m.participant_id === ids['Grandma'] || m.participant_id === ids['Tim'])).toEqual([]);
  });

  it('come in from a CSV with an empty email cell when the delivery column says how, and a clear message when it does not', async () => {
    w = await participantWorld();
    const csv = 'name,email,delivery\nAnn,ann@example.com,\nGrandma,,card\nTim,,in person\n';
    const done = await w.t.ok('participants.import', { exchangeId: w.exchangeId, csv, dryRun: false });
    expect(done.added).toBe(3);
    const exported = await w.t.ok('participants.export', { exchangeId: w.exchangeId });
    expect(exported.csv).toContain('Grandma,,card,');
    expect(exported.csv).toContain('Tim,,in person,');

    const bad = await w.t.ok('participants.import', { exchangeId: w.exchangeId, csv: 'name,email\nOma,\n', dryRun: true });
    expect(bad.rows[0]!.error).toBe('The email cell is empty: write an address, or card or in person in the delivery column.');
    const unknown = await w.t.ok('participants.import', { exchangeId: w.exchangeId, csv: 'name,email,delivery\nOma,,pigeon\n', dryRun: true });
    expect(unknown.rows[0]!.error).toContain('Write email, card or in person');
  });
});
