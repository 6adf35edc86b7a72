import { afterEach, describe, expect, it } from 'vitest';
import type { ParticipantClient } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';

/**
 * Printed cards and the table draw when the loop changes (issue #18, item 5): a latecomer or a
 * withdrawal that gives someone a new giftee marks their printed full card "replaced" (the
 * organizer is told whose to reprint) and lets them look again at the table. Real SQLite, the
 * participant app over HTTP, the organizer's operations through dispatch.
 */
let w: World;
afterEach(() => w?.close());

const giftees = () => new Map((w.t.deps.db.sqlite.prepare('select giver_id g, receiver_id r from matches').all() as Array<{ g: number; r: number }>).map(({ g, r }) => [g, r]));

async function family(): Promise<Record<string, number>> {
  const ids = await w.add(['Ann', 'Bob', 'Cy', 'Dee']);
  ids['Grandma'] = (await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Grandma', delivery: 'card' })).id;
  ids['Tim'] = (await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Tim', delivery: 'in_person' })).id;
  return ids;
}

/** Opens the table on a fresh device and returns it. */
async function tableDevice(): Promise<ParticipantClient> {
  const { url } = await w.t.ok('tableDraw.open', { exchangeId: w.exchangeId });
  const device = w.client();
  const path = new URL(url).pathname;
  await device.get(path);
  expect((await device.post(path)).location).toBe('/table');
  return device;
}

async function look(device: ParticipantClient, id: number): Promise<{ status: number; text: string }> {
  await device.get(`/table/confirm/${id}`);
  const posted = await device.post('/table/look', { participantId: String(id) });
  if (posted.status !== 303) return posted;
  const shown = await device.get('/table/show');
  await device.post('/table/hide');
  return shown;
}

describe('printed cards and the table draw', () => {
  it('prints name-and-QR cards freely, full cards only on confirmation, recorded for each person', async () => {
    w = await participantWorld();
    const ids = await family();
    await w.closeAndDraw();
    const plain = await w.t.ok('cards.print', { exchangeId: w.exchangeId, participantIds: [ids['Grandma']!], style: 'name-qr' });
    expect(plain.cards).toMatchObject([{ name: 'Grandma', giftees: [] }]);
    expect(w.count('organizer_access')).toBe(0);
    const refused = await w.t.call('cards.print', { exchangeId: w.exchangeId, participantIds: [ids['Grandma']!], style: 'full' });
    expect(refused).toMatchObject({ ok: false, error: { details: { confirmationRequired: true } } });
    const full = await w.t.ok('cards.print', { exchangeId: w.exchangeId, participantIds: [ids['Grandma']!, ids['Ann']!], style: 'full', confirm: true });
    const names = new Map((w.t.deps.db.sqlite.prepare('select id, name from participants').all() as Array<{ id: number; name: string }>).map((p) => [p.id, p.name]));
    expect(full.cards.map((c) => c.giftees.map((g) => g.name).join())).toEqual([names.get(giftees().get(ids['Grandma']!)!), names.get(giftees().get(ids['Ann']!)!)]);
    const recorded = w.t.deps.db.sqlite.prepare("select participant_id from organizer_access where action = 'printed-card' order by participant_id").all();
    expect(recorded).toEqual([{ participant_id: ids['Ann'] }, { participant_id: ids['Grandma'] }]);
    // Ann is told by email; Grandma (no address) on her page only.
    expect(w.outbox('organizer-access').map((m) => m.to_address)).toEqual(['ann@example.com']);
    // The card's link is Grandma's way in: it opens her page, more than once.
    const path = new URL(full.cards[0]!.url).pathname;
    for (const client of [w.client(), w.client()]) {
      await client.get(path);
      expect((await client.post(path)).status).toBe(303);
      const me = (await client.get('/me')).text;
      expect(me).toContain('the organizer printed your card');
      // No address: no reminder setting to offer, and the page says how to come back.
      expect(me).toContain('no email address: keep your card or link to come back here');
      expect(me).not.toContain('Email me reminders');
    }
  });

  it('refuses a name-and-QR card for someone with an email address: it would be an unrecorded way into their page', async () => {
    w = await participantWorld();
    const ids = await family();
    await w.closeAndDraw();
    const tokens = () => w.count('magic_tokens');
    const before = tokens();
    const refused = await w.t.call('cards.print', { exchangeId: w.exchangeId, participantIds: [ids['Grandma']!, ids['Ann']!], style: 'name-qr' });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('Ann has an email address') } });
    // Nothing half-done: no card recorded, no link issued, not even Grandma's.
    expect(w.count('printed_cards')).toBe(0);
    expect(tokens()).toBe(before);
    // A full card for Ann is possible, and recorded.
    await w.t.ok('cards.print', { exchangeId: w.exchangeId, participantIds: [ids['Ann']!], style: 'full', confirm: true });
    expect(w.count('organizer_access')).toBe(1);
  });

  it('a latecomer or a withdrawal marks the changed giver’s card replaced, names it to reprint, and lets them look again at the table', async () => {
    w = await participantWorld();
    const ids = await family();
    await w.closeAndDraw();
    const everyone = Object.values(ids);
    await w.t.ok('cards.print', { exchangeId: w.exchangeId, participantIds: everyone, style: 'full', confirm: true });
    expect((await w.t.ok('cards.status', { exchangeId: w.exchangeId })).toReprint).toEqual([]);
    const device = await tableDevice();
    expect((await look(device, ids['Tim']!)).status).toBe(200);
    expect((await look(device, ids['Tim']!)).status).toBe(409);

    const before = giftees();
    ids['Eve'] = (await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Eve', email: 'eve@example.com' })).id;
    const after = giftees();
    const changed = everyone.filter((id) => before.get(id) !== after.get(id));
    expect(changed).toHaveLength(1);
    const nameOf = (id: number) => Object.entries(ids).find(([, v]) => v === id)![0];
    const status = await w.t.ok('cards.status', { exchangeId: w.exchangeId });
    expect(status.toReprint).toEqual(changed.map(nameOf));
    // Tim looks again only if his giftee changed.
    expect((await look(device, ids['Tim']!)).status).toBe(changed.includes(ids['Tim']!) ? 200 : 409);

    // Printing the changed card again settles it.
    await w.t.ok('cards.print', { exchangeId: w.exchangeId, participantIds: changed, style: 'full', confirm: true });
    expect((await w.t.ok('cards.status', { exchangeId: w.exchangeId })).toReprint).toEqual([]);

    // Someone leaves: whoever gave to them gets a new giftee and a card to reprint.
    const leaving = ids['Bob']!;
    const giverOfBob = [...giftees()].find(([, r]) => r === leaving)![0];
    await w.t.ok('participants.remove', { participantId: leaving });
    const reprint = (await w.t.ok('cards.status', { exchangeId: w.exchangeId })).toReprint;
    expect(reprint).toEqual(giverOfBob === ids['Eve'] ? [] : [nameOf(giverOfBob)]);
  });

  it('with two giftees each: the full card and the table show both, and a change of either one marks the card replaced', async () => {
    w = await participantWorld({ exchange: { giftsPerPerson: 2 } });
    const ids = await family();
    await w.closeAndDraw();
    const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    const pairs = () => w.t.deps.db.sqlite.prepare('select giver_id g, receiver_id r from matches').all() as Array<{ g: number; r: number }>;
    const gifteesOf = (giver: number) =>
      pairs()
        .filter((p) => p.g === giver)
        .map((p) => names.get(p.r)!)
        .sort();
    const grandma = ids['Grandma']!;
    const tim = ids['Tim']!;
    expect(gifteesOf(grandma)).toHaveLength(2);

    const printed = await w.t.ok('cards.print', { exchangeId: w.exchangeId, participantIds: [grandma, tim], style: 'full', confirm: true });
    expect(printed.cards[0]!.giftees.map((g) => g.name).sort()).toEqual(gifteesOf(grandma));
    expect(printed.cards[1]!.giftees.map((g) => g.name).sort()).toEqual(gifteesOf(tim));

    const device = await tableDevice();
    const shown = await look(device, tim);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('you are giving gifts to');
    for (const name of gifteesOf(tim)) expect(shown.text).toContain(`${name}’s gift ideas`);

    // Someone Grandma or Tim gives to leaves: that giver's card is to be printed again, and only theirs.
    const leaving = ids[gifteesOf(grandma).find((n) => n !== 'Tim')!]!;
    const before = { grandma: gifteesOf(grandma), tim: gifteesOf(tim) };
    await w.t.ok('participants.remove', { participantId: leaving });
    const changed = [grandma, tim].filter((id) => gifteesOf(id).join() !== (id === grandma ? before.grandma : before.tim).join());
    expect(changed).toContain(grandma);
    expect((await w.t.ok('cards.status', { exchangeId: w.exchangeId })).toReprint.sort()).toEqual(changed.map((id) => names.get(id)!).sort());
    expect((await look(device, tim)).status).toBe(changed.includes(tim) ? 200 : 409);
  });

  it('Back to the list instead of "Hide and pass on": the next person’s Forward shows only the list, never the previous giftee', async () => {
    w = await participantWorld();
    const ids = await family();
    ids['Lea'] = (await w.t.ok('participants.add', { exchangeId: w.exchangeId, name: 'Lea', delivery: 'in_person' })).id;
    await w.closeAndDraw();
    const names = new Map((w.t.deps.db.sqlite.prepare('select id, name from participants').all() as Array<{ id: number; name: string }>).map((p) => [p.id, p.name]));
    const timGives = names.get(giftees().get(ids['Tim']!)!)!;
    const device = await tableDevice();
    await device.get('/table');
    await device.get(`/table/confirm/${ids['Tim']}`);
    expect((await device.post('/table/look', { participantId: String(ids['Tim']) })).location).toBe('/table/show');
    const shown = await device.get('/table/show');
    expect(shown.text).toContain(`Tim, you are giving a gift to`);
    expect(shown.text).toContain(timGives);
    // Reload during Tim's own turn still shows his giftee (the page may not have loaded in full).
    expect((await device.get('/table/show')).text).toContain(`Tim, you are giving a gift to`);

    // Tim presses Back twice (the "Are you Tim?" address, then the list) and passes the phone on.
    expect((await device.get(`/table/confirm/${ids['Tim']}`)).status).toBe(409);
    expect((await device.get('/table')).status).toBe(200);
    // Lea presses Forward twice: the giftee's address only sends her back to the list.
    const forward = await device.get('/table/show');
    expect(forward.location).toBe('/table');
    expect(forward.text).not.toContain('giving a gift to');
    expect((await device.get('/table')).text).not.toContain('giving a gift to');

    // The organizer still sees that Tim has looked, and Lea can take her own turn.
    const status = await w.t.ok('tableDraw.status', { exchangeId: w.exchangeId });
    expect(Object.fromEntries(status.people.map((p) => [p.name, p.looked]))).toEqual({ Tim: true, Lea: false });
    const leaSees = await look(device, ids['Lea']!);
    expect(leaSees.text).toContain('Lea, you are giving a gift to');
    expect(leaSees.text).not.toContain('Tim, you are giving');
  });

  it('a refused look answers with the list and so ends the turn that was on the screen', async () => {
    w = await participantWorld();
    const ids = await family();
    await w.closeAndDraw();
    const device = await tableDevice();
    await device.get(`/table/confirm/${ids['Tim']}`);
    expect((await device.post('/table/look', { participantId: String(ids['Tim']) })).location).toBe('/table/show');
    // Straight from the giftee screen, the same look again (a double tap, a resent form): refused with the list.
    expect((await device.post('/table/look', { participantId: String(ids['Tim']) })).status).toBe(409);
    expect((await device.get('/table/show')).location).toBe('/table');
  });

  it('refuses the table on a second device and after it is closed; lists only the people at the table', async () => {
    w = await participantWorld();
    const ids = await family();
    await w.closeAndDraw();
    const device = await tableDevice();
    const list = (await device.get('/table')).text;
    expect(list).toContain('Tim');
    expect(list).not.toContain('Grandma');
    expect((await look(device, ids['Ann']!)).status).toBe(400);
    await w.t.ok('tableDraw.close', { exchangeId: w.exchangeId });
    expect((await device.get('/table')).status).toBe(403);
    expect((await device.get('/table/show')).status).toBe(403);
  });
});
