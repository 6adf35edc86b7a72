import { afterEach, describe, expect, it } from 'vitest';
import { loadMatches } from '../../../src-main/db/repos/matches';
import type { ParticipantClient } from '../../support/participant-client';
import { participantWorld, type World } from '../../support/participant-world';

/** With two giftees each, a person has a thread per pair: two to ask, two Santas to write to. */
const NAMES = ['Annika', 'Bertram', 'Cordelia', 'Desmond', 'Evangeline'];

let w: World;
const browsers = new Map<string, ParticipantClient>();
afterEach(() => {
  browsers.clear();
  w.close();
});

describe('messages with several giftees each', () => {
  it('keep one conversation per pair, each reaching exactly its other side', async () => {
    w = await participantWorld({ exchange: { giftsPerPerson: 2 } });
    const ids = await w.add(NAMES);
    await w.closeAndDraw();
    for (const name of NAMES) browsers.set(name, await w.signIn(`${name.toLowerCase()}@example.com`));
    const nameOf = (id: number) => NAMES.find((n) => ids[n] === id)!;
    const pairs = loadMatches(w.t.deps.db, w.exchangeId).map(([g, r]) => [nameOf(g), nameOf(r)] as const);
    expect(pairs).toHaveLength(10);

    // Every Santa asks each of their giftees something only that pair knows.
    for (const [giver, receiver] of pairs) {
      const res = await browsers.get(giver)!.post('/me/messages', { thread: `giftee:${ids[receiver]}`, body: `Q ${giver}->${receiver}` });
      expect(res.status).toBe(303);
    }
    for (const name of NAMES) {
      const text = (await browsers.get(name)!.get('/me')).text;
      const refs = [...text.matchAll(/name="thread" value="([^"]+)"/g)].map((m) => m[1]!);
      expect(refs.filter((r) => r.startsWith('giftee:'))).toHaveLength(2);
      expect(refs.filter((r) => r.startsWith('santa:'))).toHaveLength(2);
      // Exactly the questions of their own pairs, none of anyone else's.
      for (const [giver, receiver] of pairs) expect(text.includes(`Q ${giver}-&gt;${receiver}`)).toBe(giver === name || receiver === name);
      // Answer both Santas: each answer lands in its own thread.
      for (const ref of refs.filter((r) => r.startsWith('santa:'))) {
        expect((await browsers.get(name)!.post('/me/messages', { thread: ref, body: `A from ${name} via ${ref.slice(6, 12)}` })).status).toBe(303);
      }
    }
    const rows = w.t.deps.db.sqlite
      .prepare('select c.giver_id g, c.receiver_id r, m.from_giver f, m.body b from messages m join conversations c on c.id = m.conversation_id order by m.id')
      .all() as Array<{ g: number; r: number; f: number; b: string }>;
    expect(rows).toHaveLength(20);
    // One conversation per pair, holding its question and the giftee's answer.
    for (const [giver, receiver] of pairs) {
      const own = rows.filter((m) => m.g === ids[giver] && m.r === ids[receiver]);
      expect(own.map((m) => m.f)).toEqual([1, 0]);
      expect(own[0]!.b).toBe(`Q ${giver}->${receiver}`);
      expect(own[1]!.b).toMatch(new RegExp(`^A from ${receiver} via `));
    }
  });

  it('put a giftee’s allowed address in both of their Santas’ match emails, and in no other', async () => {
    w = await participantWorld({ exchange: { giftsPerPerson: 2 } });
    const ids = await w.add(NAMES);
    const bertram = await w.signIn('bertram@example.com');
    await bertram.get('/me');
    expect((await bertram.post('/me/address', { address: 'Quellgasse 4, Wien', inMatchEmail: 'yes' })).status).toBe(303);
    await w.closeAndDraw();
    const santas = loadMatches(w.t.deps.db, w.exchangeId)
      .filter(([, r]) => r === ids['Bertram'])
      .map(([g]) => NAMES.find((n) => ids[n] === g)!.toLowerCase() + '@example.com');
    expect(santas).toHaveLength(2);
    const mails = w.outbox('match');
    expect(mails).toHaveLength(5);
    for (const mail of mails) expect(mail.text_body.includes('Quellgasse 4, Wien'), mail.to_address).toBe(santas.includes(mail.to_address));
  });
});
