import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, exchangeInput, type TestApp } from '../../support/test-app';

let t: TestApp;
let exchangeId: number;
let ids: Record<string, number>;

beforeEach(async () => {
  t = await createTestApp();
  exchangeId = (await t.ok('exchanges.create', exchangeInput())).id;
  ids = {};
  for (const name of ['Ann', 'Bob', 'Cy', 'Dee']) {
    ids[name] = (await t.ok('participants.add', { exchangeId, name, email: ` ${name.toUpperCase()}@Example.com ` })).id;
  }
});
afterEach(() => t.close());

describe('participants through dispatch', () => {
  it('adds with a normalised email and lists the organizer view', async () => {
    const list = await t.ok('participants.list', { exchangeId });
    expect(list.map((p) => [p.name, p.email])).toEqual([
      ['Ann', 'ann@example.com'],
      ['Bob', 'bob@example.com'],
      ['Cy', 'cy@example.com'],
      ['Dee', 'dee@example.com'],
    ]);
    expect(list[0]).toMatchObject({ remindersEnabled: true, emailConfirmed: false, withdrawn: false, householdId: null });
    expect((await t.ok('exchanges.get', { exchangeId })).participantCount).toBe(4);
  });

  it('refuses the same person twice (a name at an address, names without case), naming the name field', async () => {
    const result = await t.call('participants.add', { exchangeId, name: 'ANN', email: 'ann@EXAMPLE.com' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: 'ANN <ann@example.com> is already taking part in this exchange.', issues: [{ path: 'name' }] } });
  });

  it('lets a family share an address, and shows who shares it', async () => {
    const mia = await t.ok('participants.add', { exchangeId, name: 'Mia', email: 'ann@example.com' });
    expect(mia.sharesAddressWith).toEqual(['Ann']);
    const list = await t.ok('participants.list', { exchangeId });
    expect(list.find((p) => p.name === 'Ann')!.sharesAddressWith).toEqual(['Mia']);
    expect(list.find((p) => p.name === 'Bob')!.sharesAddressWith).toEqual([]);
    // Renaming Mia to Ann would make two of one person.
    expect(await t.call('participants.update', { participantId: mia.id, patch: { name: 'ann' } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses a malformed email with the precise reason', async () => {
    const result = await t.call('participants.add', { exchangeId, name: 'Eve', email: 'eve@@example.com' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'email', message: expect.stringMatching(/exactly one @/) }] } });
  });

  it('refuses a name on two lines (it would break email subjects)', async () => {
    const result = await t.call('participants.add', { exchangeId, name: 'Eve\r\nBcc: x', email: 'eve@example.com' });
    expect(result).toMatchObject({ ok: false, error: { issues: [{ path: 'name' }] } });
  });

  it('respects the participant limit', async () => {
    await t.ok('exchanges.update', { exchangeId, patch: { maxParticipants: 4 } });
    expect(await t.call('participants.add', { exchangeId, name: 'Eve', email: 'eve@example.com' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/full/) },
    });
  });

  it('edits and removes; removal takes their rules with them', async () => {
    const edited = await t.ok('participants.update', { participantId: ids.Ann!, patch: { giftIdeas: 'Books', remindersEnabled: false } });
    expect(edited).toMatchObject({ giftIdeas: 'Books', remindersEnabled: false });
    await t.ok('rules.addExclusion', { exchangeId, kind: 'pair', giverId: ids.Ann!, receiverId: ids.Bob! });
    await t.ok('participants.remove', { participantId: ids.Ann! });
    expect((await t.ok('participants.list', { exchangeId })).map((p) => p.name)).toEqual(['Bob', 'Cy', 'Dee']);
    expect((await t.ok('rules.get', { exchangeId })).pairs).toEqual([]);
  });

  it('refuses roster changes once the exchange is cancelled', async () => {
    await t.ok('exchanges.transition', { exchangeId, action: 'cancel' });
    expect(await t.call('participants.add', { exchangeId, name: 'Eve', email: 'eve@example.com' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await t.call('participants.remove', { participantId: ids.Bob! })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
  });
});

describe('rules through dispatch', () => {
  it('stores pairs once, one-way rules by direction, and a pair absorbs one-way rules', async () => {
    await t.ok('rules.addExclusion', { exchangeId, kind: 'one-way', giverId: ids.Bob!, receiverId: ids.Ann! });
    let rules = await t.ok('rules.get', { exchangeId });
    expect(rules.oneWay).toEqual([expect.objectContaining({ giverId: ids.Bob, receiverId: ids.Ann })]);
    rules = await t.ok('rules.addExclusion', { exchangeId, kind: 'pair', giverId: ids.Bob!, receiverId: ids.Ann! });
    expect(rules.oneWay).toEqual([]);
    expect(rules.pairs).toEqual([expect.objectContaining({ aId: ids.Ann, bId: ids.Bob })]);
    expect(await t.call('rules.addExclusion', { exchangeId, kind: 'one-way', giverId: ids.Ann!, receiverId: ids.Bob! })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'Ann and Bob already never draw each other.' },
    });
    rules = await t.ok('rules.removeExclusion', { id: rules.pairs[0]!.id });
    expect(rules.pairs).toEqual([]);
  });

  it('refuses a rule naming someone from another exchange or the same person twice', async () => {
    const other = await t.ok('exchanges.create', exchangeInput({ name: 'Office' }));
    const stranger = await t.ok('participants.add', { exchangeId: other.id, name: 'Zed', email: 'zed@example.com' });
    expect(await t.call('rules.addExclusion', { exchangeId, kind: 'pair', giverId: ids.Ann!, receiverId: stranger.id })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'receiverId', message: expect.stringMatching(/not part of this exchange/) }] },
    });
    expect(await t.call('rules.addExclusion', { exchangeId, kind: 'pair', giverId: ids.Ann!, receiverId: ids.Ann! })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'receiverId' }] },
    });
  });

  it('manages households: one household per person, unique names', async () => {
    let rules = await t.ok('rules.createHousehold', { exchangeId, name: 'Millers', memberIds: [ids.Ann!, ids.Bob!] });
    expect(rules.households).toEqual([expect.objectContaining({ name: 'Millers', memberIds: [ids.Ann, ids.Bob] })]);
    expect((await t.ok('participants.list', { exchangeId }))[0]!.householdId).toBe(rules.households[0]!.id);
    expect(await t.call('rules.createHousehold', { exchangeId, name: 'Joneses', memberIds: [ids.Cy!, ids.Ann!] })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'memberIds.1', message: 'Ann is already in the household "Millers".' }] },
    });
    expect(await t.call('rules.createHousehold', { exchangeId, name: 'Millers', memberIds: [ids.Cy!, ids.Dee!] })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'name' }] },
    });
    const householdId = rules.households[0]!.id;
    rules = await t.ok('rules.updateHousehold', { householdId, name: 'The Millers', memberIds: [ids.Ann!, ids.Bob!, ids.Cy!] });
    expect(rules.households[0]).toMatchObject({ name: 'The Millers', memberIds: [ids.Ann, ids.Bob, ids.Cy] });
    rules = await t.ok('rules.deleteHousehold', { householdId });
    expect(rules.households).toEqual([]);
  });

  it('manages must-draw pairs and refuses contradictions', async () => {
    let rules = await t.ok('rules.addMustDraw', { exchangeId, giverId: ids.Ann!, receiverId: ids.Dee! });
    expect(rules.mustDraw).toEqual([expect.objectContaining({ giverId: ids.Ann, receiverId: ids.Dee })]);
    expect(await t.call('rules.addMustDraw', { exchangeId, giverId: ids.Ann!, receiverId: ids.Cy! })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await t.call('rules.addMustDraw', { exchangeId, giverId: ids.Bob!, receiverId: ids.Dee! })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await t.ok('rules.addExclusion', { exchangeId, kind: 'one-way', giverId: ids.Bob!, receiverId: ids.Cy! });
    expect(await t.call('rules.addMustDraw', { exchangeId, giverId: ids.Bob!, receiverId: ids.Cy! })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Bob may not draw Cy because of an exclusion/) },
    });
    expect(await t.call('rules.createHousehold', { exchangeId, name: 'X', memberIds: [ids.Ann!, ids.Dee!] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    rules = await t.ok('rules.removeMustDraw', { id: rules.mustDraw[0]!.id });
    expect(rules.mustDraw).toEqual([]);
  });

  it('freezes rules once the exchange is cancelled', async () => {
    await t.ok('exchanges.transition', { exchangeId, action: 'cancel' });
    expect(await t.call('rules.addExclusion', { exchangeId, kind: 'pair', giverId: ids.Ann!, receiverId: ids.Bob! })).toMatchObject({
      ok: false,
      error: { code: 'invalid_state' },
    });
  });
});
