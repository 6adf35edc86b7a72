import { afterEach, describe, expect, it } from 'vitest';
import { loadMatches } from '../../../src-main/db/repos/matches';
import { fetchClient } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';
import { listen, type Listener } from '../../../src-main/http/listen';
import { createParticipantApp } from '../../../src-main/http/participant/app';
import { participantHosts } from '../../../src-main/services/network/addresses';

/*
 * Issue #17: an organizer who typed in the whole list draws names without ever opening
 * registration; one who opened it can draw while it is open, and the draw closes it. Every other
 * guard stays: enough people, a feasible set of rules, one draw at a time.
 */

let w: World;
let listener: Listener | null = null;

afterEach(async () => {
  await listener?.close();
  listener = null;
  w.close();
});

const state = async () => (await w.t.ok('exchanges.get', { exchangeId: w.exchangeId })).state;
const rows = (kind: string) => w.outbox(kind).length;

/** The participants' pages on a real socket, for what a visitor of the invite link sees. */
async function servePages(): Promise<string> {
  let port = 0;
  const app = createParticipantApp(w.t.deps, { allowedHosts: () => participantHosts({ bindHost: '127.0.0.1', port, publicBaseUrl: null }) });
  listener = await listen(app.fetch, { host: '127.0.0.1', port: 0 });
  port = listener.port;
  w.t.deps.runtime.participantUrls = [listener.url];
  return listener.url;
}

describe('drawing a hand-made list', () => {
  it('draws straight from the draft, and undoing it returns to closed registration', async () => {
    w = await participantWorld({ open: false });
    await w.add(['Ann', 'Bob', 'Cy', 'Dee']);
    expect(await state()).toBe('draft');
    expect((await w.t.ok('exchanges.get', { exchangeId: w.exchangeId })).allowedActions).toContain('draw');
    expect(await w.t.ok('draw.check', { exchangeId: w.exchangeId })).toMatchObject({ feasible: true, participantCount: 4 });

    const drawn = await w.t.ok('exchanges.draw', { exchangeId: w.exchangeId });
    expect(drawn).toMatchObject({ participantCount: 4, emailsQueued: 4, exchange: { state: 'matched' } });
    expect(loadMatches(w.t.deps.db, w.exchangeId)).toHaveLength(4);
    expect(rows('match')).toBe(4);
    expect(rows('organizer-draw-done')).toBe(1);

    const undone = await w.t.ok('exchanges.undoDraw', { exchangeId: w.exchangeId });
    expect(undone.state).toBe('registration_closed');
    expect(loadMatches(w.t.deps.db, w.exchangeId)).toHaveLength(0);
    expect((await w.t.ok('exchanges.draw', { exchangeId: w.exchangeId })).exchange.state).toBe('matched');
  });

  it('keeps the guards: too few people are refused by name (3 without mutual pairs), and nothing is half-saved', async () => {
    w = await participantWorld({ open: false });
    await w.add(['Ann']);
    expect(await w.t.call('exchanges.draw', { exchangeId: w.exchangeId })).toMatchObject({
      ok: false,
      error: { code: 'infeasible', message: 'At least 2 people are needed to draw names; only Ann is taking part.' },
    });
    await w.add(['Bob']);
    expect(await w.t.call('exchanges.draw', { exchangeId: w.exchangeId, mode: 'no-mutual' })).toMatchObject({
      ok: false,
      error: { code: 'infeasible', message: expect.stringMatching(/^At least 3 people are needed to draw names when nobody may draw the person who draws them; only Ann and Bob/) },
    });
    expect(await state()).toBe('draft');
    expect(loadMatches(w.t.deps.db, w.exchangeId)).toHaveLength(0);
    expect(w.outbox()).toHaveLength(0);
    // A second draw is refused as before.
    await w.add(['Cy']);
    await w.t.ok('exchanges.draw', { exchangeId: w.exchangeId });
    expect(await w.t.call('exchanges.draw', { exchangeId: w.exchangeId })).toMatchObject({
      ok: false,
      error: { code: 'invalid_state', message: 'Names were already drawn. Undo the draw or re-draw instead.' },
    });
  });

  it('draws while registration is open, which closes it: the invite link stops taking sign-ups and the deadline does nothing', async () => {
    w = await participantWorld();
    const base = await servePages();
    await w.register({ name: 'Dee', email: 'dee@example.com' }, fetchClient(base));
    await w.add(['Ann', 'Bob', 'Cy']);
    expect(await state()).toBe('registration_open');

    const drawn = await w.t.ok('exchanges.draw', { exchangeId: w.exchangeId });
    expect(drawn).toMatchObject({ participantCount: 4, emailsQueued: 4, exchange: { state: 'matched' } });

    // The invite page over real HTTP: names are drawn, no form, and a late sign-up changes nothing.
    const visitor = fetchClient(base);
    const page = await visitor.get(`/i/${w.code}`);
    expect(page.text).toContain('Names have already been drawn');
    expect(page.text).not.toContain('name="email"');
    await visitor.post(`/i/${w.code}`, { name: 'Late', email: 'late@example.com', giftIdeas: '' });
    expect((await w.t.ok('participants.list', { exchangeId: w.exchangeId })).map((p) => p.name)).toEqual(['Ann', 'Bob', 'Cy', 'Dee']);

    // The registration deadline (10 December) passes: nothing is closed again, nobody is told.
    w.t.clock.set('2026-12-11T09:00:00Z');
    const runs = await w.t.app.jobs.runDue();
    expect(runs.filter((r) => r.job === 'registration-close')).toEqual([]);
    expect(rows('organizer-registration-closed')).toBe(0);

    expect((await w.t.ok('exchanges.undoDraw', { exchangeId: w.exchangeId, confirm: true })).state).toBe('registration_closed');
  });

  it('an impossible draw while registration is open leaves it open, with no matches', async () => {
    w = await participantWorld();
    const ids = await w.add(['Ann', 'Bob', 'Cy']);
    await w.t.ok('rules.createHousehold', { exchangeId: w.exchangeId, name: 'Everyone', memberIds: [ids.Ann!, ids.Bob!] });
    await w.t.ok('rules.addExclusion', { exchangeId: w.exchangeId, kind: 'pair', giverId: ids.Cy!, receiverId: ids.Ann! });
    const refused = await w.t.call('exchanges.draw', { exchangeId: w.exchangeId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/Ann|Bob|Cy/);
    expect(await state()).toBe('registration_open');
    expect(loadMatches(w.t.deps.db, w.exchangeId)).toHaveLength(0);
    expect(rows('match')).toBe(0);
  });
});
