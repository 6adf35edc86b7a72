import type { Db } from '../database';

/** A participant's postal address: for their Santa only (services/between/address). */
export interface PrivateAddress {
  participantId: number;
  address: string;
  /** The person allows it in their Santa's match email too. */
  inMatchEmail: boolean;
  updatedAt: number;
}

export function findPrivateAddress(db: Db, participantId: number): PrivateAddress | undefined {
  const r = db.first(db.q.selectFrom('private_addresses').selectAll().where('participant_id', '=', participantId));
  return r && { participantId: r.participant_id, address: r.address, inMatchEmail: r.in_match_email === 1, updatedAt: r.updated_at };
}

export function savePrivateAddress(db: Db, a: PrivateAddress): void {
  const values = { participant_id: a.participantId, address: a.address, in_match_email: a.inMatchEmail ? 1 : 0, updated_at: a.updatedAt };
  db.run(
    db.q
      .insertInto('private_addresses')
      .values(values)
      .onConflict((oc) => oc.column('participant_id').doUpdateSet({ address: values.address, in_match_email: values.in_match_email, updated_at: values.updated_at })),
  );
}

export function deletePrivateAddress(db: Db, participantId: number): void {
  db.run(db.q.deleteFrom('private_addresses').where('participant_id', '=', participantId));
}

/** Which of an exchange's participants gave an address: all the organizer may know of it. */
export function participantsWithAddress(db: Db, exchangeId: number): Set<number> {
  const rows = db.all(
    db.q.selectFrom('private_addresses as a').innerJoin('participants as p', 'p.id', 'a.participant_id').select('a.participant_id').where('p.exchange_id', '=', exchangeId),
  );
  return new Set(rows.map((r) => r.participant_id));
}
