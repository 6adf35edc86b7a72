import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMatches } from '../../../src-main/db/repos/matches';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

let t: TestApp;
let exchangeId: number;
let ids: Record<string, number>;

async function addPeople(names: string[]) {
  for (const name of names) ids[name] = (await t.ok('participants.add', { exchangeId, name, email: `${name.toLowerCase()}@example.com`, giftIdeas: `Ideas of ${name}` })).id;
}

async function closeRegistration() {
  await t.ok('exchanges.transition', { exchangeId, action: 'open' });
  await t.ok('exchanges.transition', { exchangeId, action: 'close' });
}

const outboxRows = () =>
  t.deps.db.sqlite.prepare('select id, kind, to_address, status, subject, text_body from email_outbox where exchange_id = ? order by id').all(exchangeId) as Array<{
    id: number;
    kind: string;
    to_address: string;
    status: string;
    subject: string;
    text_body: string;
  }>;

beforeEach(async () => {
  t = await createTestApp();
  await t.ok('settings.update', { organizer: { name: 'Olga', email: 'olga@example.com' } });
  exchangeId = (await t.ok('exchanges.create', exchangeInput())).id;
  ids = {};
});
afterEach(() => t.close());

describe('drawing names', () => {
  it('draws one loop, stores it, queues one match email each, and shows the organizer no pair', async () => {
    await addPeople(['Ann', 'Bob', 'Cy', 'Dee', 'Eve']);
    await t.ok('rules.createHousehold', { exchangeId, name: 'Millers', memberIds: [ids.Ann!, ids.Bob!] });
    await closeRegistration();
    const result = await t.ok('exchanges.draw', { exchangeId });
    expect(result).toMatchObject({ participantCount: 5, emailsQueued: 5, exchange: { state: 'matched' } });

    const matches = loadMatches(t.deps.db, exchangeId);
    expect(matches).toHaveLength(5);
    // One cycle through everyone; nobody draws themselves or their household.
    const next = new Map(matches);
    let at = ids.Ann!;
    const seen = new Set<number>();
    for (let i = 0; i < 5; i++) {
      seen.add(at);
      at = next.get(at)!;
    }
    expect(seen.size).toBe(5);
    expect(at).toBe(ids.Ann);
    expect(next.get(ids.Ann!)).not.toBe(ids.Bob);
    expect(next.get(ids.Bob!)).not.toBe(ids.Ann);

    const mails = outboxRows();
    expect(
      mails
        .filter((m) => m.kind === 'match')
        .map((m) => m.to_address)
        .sort(),
    ).toEqual(['ann', 'bob', 'cy', 'dee', 'eve'].map((n) => `${n}@example.com`));
    expect(mails.filter((m) => m.kind === 'organizer-draw-done').map((m) => m.to_address)).toEqual(['olga@example.com']);
    const annMail = mails.find((m) => m.to_address === 'ann@example.com')!;
    const giftee = Object.entries(ids).find(([, id]) => id === next.get(ids.Ann!))![0];
    // The row holds intent only; the text is rendered when sent (here: on the organizer's explicit ask).
    expect(annMail.text_body).toBe('');
    const rendered = await t.ok('outbox.get', { id: annMail.id, showPrivate: true, confirm: true });
    expect(rendered.text).toContain(giftee);
    expect(rendered.text).toContain(`Ideas of ${giftee}`);
    expect(rendered.links).toEqual([]);

    // Blind organizer: nothing the organizer's screens read contains a pairing.
    const views = JSON.stringify([
      result,
      await t.ok('exchanges.get', { exchangeId }),
      await t.ok('participants.list', { exchangeId }),
      await t.ok('rules.get', { exchangeId }),
      await t.ok('outbox.list', { exchangeId }),
    ]);
    expect(views).not.toMatch(/receiver|giftee|drew/i);
  });

  it('explains an impossible draw by naming people, and changes nothing', async () => {
    await addPeople(['Ann', 'Bob', 'Cy', 'Dee']);
    await t.ok('rules.createHousehold', { exchangeId, name: 'Big family', memberIds: [ids.Ann!, ids.Bob!, ids.Cy!] });
    await closeRegistration();
    const check = await t.ok('draw.check', { exchangeId });
    expect(check.feasible).toBe(false);
    // The smallest group found: two of the household can only give to Dee.
    expect(check.reason).toMatch(/^(Ann|Bob|Cy) and (Bob|Cy) can only give to Dee/);
    expect(check.participantIds).toContain(ids.Dee);
    expect(check.participantIds.length).toBe(3);
    const result = await t.call('exchanges.draw', { exchangeId });
    expect(result).toMatchObject({ ok: false, error: { code: 'infeasible', message: expect.stringMatching(/can only give to Dee/) } });
    expect((await t.ok('exchanges.get', { exchangeId })).state).toBe('registration_closed');
    expect(loadMatches(t.deps.db, exchangeId)).toEqual([]);
    expect(outboxRows()).toEqual([]);
  });

  it('offers the modes that work when a single loop cannot', async () => {
    await addPeople(['Ann', 'Bob', 'Cy', 'Dee']);
    await t.ok('rules.addExclusion', { exchangeId, kind: 'one-way', giverId: ids.Ann!, receiverId: ids.Cy! });
    await t.ok('rules.addExclusion', { exchangeId, kind: 'one-way', giverId: ids.Ann!, receiverId: ids.Dee! });
    await t.ok('rules.addExclusion', { exchangeId, kind: 'one-way', giverId: ids.Bob!, receiverId: ids.Cy! });
    await t.ok('rules.addExclusion', { exchangeId, kind: 'one-way', giverId: ids.Bob!, receiverId: ids.Dee! });
    const check = await t.ok('draw.check', { exchangeId });
    expect(check).toMatchObject({ feasible: false, feasibleModes: ['any'] });
    expect((await t.ok('draw.check', { exchangeId, mode: 'any' })).feasible).toBe(true);
  });

  it('undoes a draw nobody was told about; asks for confirmation once mail went out', async () => {
    await addPeople(['Ann', 'Bob', 'Cy']);
    await closeRegistration();
    await t.ok('exchanges.draw', { exchangeId });
    const undone = await t.ok('exchanges.undoDraw', { exchangeId });
    expect(undone.state).toBe('registration_closed');
    expect(loadMatches(t.deps.db, exchangeId)).toEqual([]);
    expect(
      outboxRows()
        .filter((m) => m.kind === 'match')
        .every((m) => m.status === 'cancelled'),
    ).toBe(true);

    await t.ok('exchanges.draw', { exchangeId });
    t.deps.db.sqlite.prepare("update email_outbox set status = 'sent' where kind = 'match' and status = 'pending' and to_address = 'bob@example.com'").run();
    const refused = await t.call('exchanges.undoDraw', { exchangeId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/1 person was already told/) } });
    expect((await t.ok('exchanges.undoDraw', { exchangeId, confirm: true })).state).toBe('registration_closed');
  });

  it('re-draws: people already told get a changed-assignment email only if theirs changed', async () => {
    await addPeople(['Ann', 'Bob', 'Cy', 'Dee', 'Eve', 'Finn']);
    await closeRegistration();
    await t.ok('exchanges.draw', { exchangeId });
    const before = new Map(loadMatches(t.deps.db, exchangeId));
    t.deps.db.sqlite.prepare("update email_outbox set status = 'sent' where kind = 'match'").run();
    expect(await t.call('exchanges.redraw', { exchangeId } as never)).toMatchObject({ ok: false, error: { issues: [{ path: 'confirm' }] } });
    await t.ok('exchanges.redraw', { exchangeId, confirm: true });
    const after = new Map(loadMatches(t.deps.db, exchangeId));
    const changed = [...after].filter(([g, r]) => before.get(g) !== r).map(([g]) => g);
    const emailOf = new Map((await t.ok('participants.list', { exchangeId })).map((p) => [p.id, p.email]));
    expect(
      outboxRows()
        .filter((m) => m.kind === 'assignment-changed')
        .map((m) => m.to_address)
        .sort(),
    ).toEqual(changed.map((g) => emailOf.get(g)).sort());
  });

  it('reveals the pairs only on explicit confirmation, and records it', async () => {
    await addPeople(['Ann', 'Bob', 'Cy']);
    await closeRegistration();
    await t.ok('exchanges.draw', { exchangeId });
    expect(await t.call('exchanges.reveal', { exchangeId } as never)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const shown = await t.ok('exchanges.reveal', { exchangeId, confirm: true });
    expect(shown.pairs).toHaveLength(3);
    expect(shown.revealedAt).toBe(t.clock.now());
    const stored = t.deps.db.sqlite.prepare('select revealed_at from exchanges where id = ?').get(exchangeId);
    expect(stored).toEqual({ revealed_at: t.clock.now() });
  });
});

describe('late changes after the draw', () => {
  beforeEach(async () => {
    await addPeople(['Ann', 'Bob', 'Cy', 'Dee', 'Eve']);
    await closeRegistration();
    await t.ok('exchanges.draw', { exchangeId: exchangeId });
    t.deps.db.sqlite.prepare("update email_outbox set status = 'sent'").run();
  });

  it('removing someone hands their giftee to their giver; only that giver is told', async () => {
    const before = new Map(loadMatches(t.deps.db, exchangeId));
    const giverOfCy = [...before].find(([, r]) => r === ids.Cy)![0];
    const result = await t.ok('participants.remove', { participantId: ids.Cy! });
    expect(result).toEqual({ changedCount: 1, emailsQueued: 1 });
    const after = new Map(loadMatches(t.deps.db, exchangeId));
    expect(after.size).toBe(4);
    expect(after.get(giverOfCy)).toBe(before.get(ids.Cy!));
    for (const [g, r] of after) if (g !== giverOfCy) expect(before.get(g)).toBe(r);
    const changedMail = outboxRows().filter((m) => m.kind === 'assignment-changed');
    expect(changedMail).toHaveLength(1);
  });

  it('a latecomer is spliced into the loop; two people are told', async () => {
    const before = new Map(loadMatches(t.deps.db, exchangeId));
    const added = await t.ok('participants.add', { exchangeId, name: 'Zoe', email: 'zoe@example.com' });
    const after = new Map(loadMatches(t.deps.db, exchangeId));
    expect(after.size).toBe(6);
    const changed = [...after].filter(([g, r]) => before.get(g) !== r).map(([g]) => g);
    expect(changed).toHaveLength(2);
    expect(changed).toContain(added.id);
    const kinds = outboxRows()
      .filter((m) => m.status === 'pending')
      .map((m) => m.kind)
      .sort();
    expect(kinds).toEqual(['assignment-changed', 'match']);
  });
});

describe('pair history', () => {
  it('avoids last year’s pairs after last year’s exchange is gone', async () => {
    t.clock.set('2025-11-01T09:00:00Z');
    const lastYear = (await t.ok('exchanges.create', exchangeInput({ exchangeAt: '2025-12-24T18:00', registrationDeadline: null }))).id;
    const people = ['Ann', 'Bob', 'Cy'];
    for (const name of people) await t.ok('participants.add', { exchangeId: lastYear, name, email: `${name.toLowerCase()}@example.com` });
    await t.ok('exchanges.transition', { exchangeId: lastYear, action: 'open' });
    await t.ok('exchanges.transition', { exchangeId: lastYear, action: 'close' });
    await t.ok('exchanges.draw', { exchangeId: lastYear });
    const emails = new Map((await t.ok('participants.list', { exchangeId: lastYear })).map((p) => [p.id, p.email]));
    const lastPairs = new Set(loadMatches(t.deps.db, lastYear).map(([g, r]) => `${emails.get(g)}>${emails.get(r)}`));
    await t.ok('exchanges.transition', { exchangeId: lastYear, action: 'cancel' });
    await t.ok('exchanges.delete', { exchangeId: lastYear });
    expect(t.deps.db.sqlite.prepare('select count(*) n from pair_history').get()).toEqual({ n: 3 });
    // No names or addresses survive in the history.
    expect(JSON.stringify(t.deps.db.sqlite.prepare('select * from pair_history').all())).not.toMatch(/example|Ann|Bob/);

    t.clock.set(START_2026);
    await t.ok('exchanges.update', { exchangeId, patch: { avoidPastExchanges: 1 } });
    await addPeople(people);
    await closeRegistration();
    for (let round = 0; round < 5; round++) {
      await t.ok('exchanges.draw', { exchangeId });
      const now = new Map((await t.ok('participants.list', { exchangeId })).map((p) => [p.id, p.email]));
      for (const [g, r] of loadMatches(t.deps.db, exchangeId)) expect(lastPairs.has(`${now.get(g)}>${now.get(r)}`)).toBe(false);
      await t.ok('exchanges.undoDraw', { exchangeId, confirm: true });
    }
  });
});

const START_2026 = '2026-11-01T09:00:00Z';
