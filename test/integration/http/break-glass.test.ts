import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { participantWorld, type World } from '../../support/participant-world';

/**
 * Issue #13, silent impersonation: every organizer action that shows whom a participant gives to
 * needs `confirm: true`, is recorded (what, when, whom) and is told to the participant, by email
 * and on their page.
 */
let w: World;
let ids: Record<string, number>;
beforeEach(async () => {
  w = await participantWorld();
  ids = await w.add(['Ann', 'Bob', 'Cy']);
  await w.closeAndDraw();
});
afterEach(() => w.close());

const records = () =>
  w.t.deps.db.sqlite.prepare('select action, participant_id, created_at from organizer_access order by id').all() as Array<{
    action: string;
    participant_id: number | null;
    created_at: number;
  }>;
const notices = () => w.outbox('organizer-access').map((m) => m.to_address);

describe('break-glass', () => {
  it('a personal link needs confirmation; then it is recorded, Ann is told, and her page says so without confirming her email', async () => {
    const refused = await w.t.call('participants.personalLink', { participantId: ids.Ann! });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/Ann is told; confirm/), details: { confirmationRequired: true } } });
    const tokensBefore = w.count('magic_tokens');
    expect(records()).toEqual([]);

    expect(w.count('magic_tokens')).toBe(tokensBefore); // refused: no link was made
    const link = await w.t.ok('participants.personalLink', { participantId: ids.Ann!, confirm: true });
    expect(w.count('magic_tokens')).toBe(tokensBefore + 1);
    expect(records()).toEqual([{ action: 'personal-link', participant_id: ids.Ann, created_at: w.t.clock.now() }]);
    expect(notices()).toEqual(['ann@example.com']);
    expect(w.outbox('organizer-access')[0]!.text_body).toMatch(/the organizer opened a personal link to your page/);

    const organizer = w.client();
    const path = new URL(link.url).pathname;
    await organizer.get(path);
    expect((await organizer.post(path)).location).toBe('/me');
    const page = (await organizer.get('/me')).text;
    expect(page).toContain('The organizer looked');
    expect(page).toMatch(/On [^<]*2026[^<]* the organizer opened a personal link to your page/);
    const [ann] = (await w.t.ok('participants.list', { exchangeId: w.exchangeId })).filter((p) => p.id === ids.Ann);
    expect(ann!.emailConfirmed).toBe(false);
  });

  it('a personal link not used before a re-draw stops working: it would open the new giftee under the record of the old draw', async () => {
    const link = await w.t.ok('participants.personalLink', { participantId: ids.Ann!, confirm: true });
    await w.t.ok('exchanges.redraw', { exchangeId: w.exchangeId, confirm: true });
    const organizer = w.client();
    const path = new URL(link.url).pathname;
    const opened = await organizer.get(path);
    const signedIn = await organizer.post(path);
    expect(signedIn.location).not.toBe('/me');
    expect(`${opened.text}${signedIn.text}`).toMatch(/This link doesn.t work|no longer works|expired/i);
    expect((await organizer.get('/me')).text).not.toContain('giving a gift to');
  });

  it('the reveal is recorded once for the exchange and every participant is told', async () => {
    expect(await w.t.call('exchanges.reveal', { exchangeId: w.exchangeId } as never)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/confirm/) } });
    expect(records()).toEqual([]);
    await w.t.ok('exchanges.reveal', { exchangeId: w.exchangeId, confirm: true });
    expect(records()).toEqual([{ action: 'reveal', participant_id: null, created_at: w.t.clock.now() }]);
    expect(notices().sort()).toEqual(['ann@example.com', 'bob@example.com', 'cy@example.com']);
    const bob = await w.signIn('bob@example.com');
    expect((await bob.get('/me')).text).toMatch(/the organizer revealed who drew whom/);
  });

  it('reading a match email needs showPrivate and confirm; the recipient is told', async () => {
    const match = (await w.t.ok('outbox.list', { kind: 'match' })).find((m) => m.to === 'cy@example.com')!;
    expect((await w.t.ok('outbox.get', { id: match.id })).text).toBe('');
    const refused = await w.t.call('outbox.get', { id: match.id, showPrivate: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/whom Cy gives to/) } });
    expect(records()).toEqual([]);

    const read = await w.t.ok('outbox.get', { id: match.id, showPrivate: true, confirm: true });
    expect(read.hidden).toBe(false);
    expect(read.text).not.toBe('');
    expect(records()).toEqual([{ action: 'private-email', participant_id: ids.Cy, created_at: w.t.clock.now() }]);
    expect(notices()).toEqual(['cy@example.com']);

    // An email that names no giftee needs no confirmation and records nothing.
    const notice = (await w.t.ok('outbox.list', { kind: 'organizer-access' }))[0]!;
    expect((await w.t.ok('outbox.get', { id: notice.id, showPrivate: true })).text).not.toBe('');
    expect(records()).toHaveLength(1);
  });
});
