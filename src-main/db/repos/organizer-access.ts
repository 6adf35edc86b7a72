import type { Db } from '../database';

export type OrganizerAccessAction = 'personal-link' | 'reveal' | 'private-email' | 'printed-card';

export interface OrganizerAccess {
  action: OrganizerAccessAction;
  /** null: it concerned every participant (the reveal). */
  participantId: number | null;
  at: number;
}

export function insertOrganizerAccess(db: Db, exchangeId: number, access: OrganizerAccess): void {
  db.run(db.q.insertInto('organizer_access').values({ exchange_id: exchangeId, participant_id: access.participantId, action: access.action, created_at: access.at }));
}

/** What concerned this participant (their own records and the exchange-wide ones), oldest first. */
export function listOrganizerAccessFor(db: Db, exchangeId: number, participantId: number): OrganizerAccess[] {
  return db
    .all(
      db.q
        .selectFrom('organizer_access')
        .select(['action', 'participant_id', 'created_at'])
        .where('exchange_id', '=', exchangeId)
        .where((eb) => eb.or([eb('participant_id', '=', participantId), eb('participant_id', 'is', null)]))
        .orderBy('created_at')
        .orderBy('id'),
    )
    .map((row) => ({ action: row.action as OrganizerAccessAction, participantId: row.participant_id, at: row.created_at }));
}
