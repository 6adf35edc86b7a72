import { Fragment, type ReactNode } from 'react';
import { deliveryText } from '../lib/delivery';
import type { Participant } from '../stores/participants';
import './participants.css';
import './ui.css';

export interface ParticipantsTableProps {
  participants: readonly Participant[];
  /** Participant id → the name of their household (from the rules). */
  householdOf: ReadonlyMap<number, string>;
  /** People the feasibility check names; their rows are highlighted. */
  flaggedIds: readonly number[];
  /** After the draw: show whether each person opened their match (never what it is). */
  drawn: boolean;
  editable: boolean;
  /** Before the draw: each row offers to email the person their link ("Invite", "Invite again"). */
  invitable?: boolean;
  /** Shown in a row right under one person (their personal link), where it was asked for. */
  detail?: { participantId: number; content: ReactNode } | null;
  onEdit(participant: Participant): void;
  onLink(participant: Participant): void;
  onRemove(participant: Participant): void;
  onInvite?(participant: Participant): void;
}

/** Not confirmed yet: were they emailed a link at all? (Signed up themselves: their welcome has one.) */
function unconfirmedText(p: Participant): string {
  if (p.invitation === 'invited') return 'Invited';
  if (p.invitation === 'none') return 'Not invited';
  return 'Not yet';
}

function Yes(props: { yes: boolean; yesText: string; noText: string }) {
  return <span className={`badge ${props.yes ? 'badge--ok' : ''}`}>{props.yes ? props.yesText : props.noText}</span>;
}

/** The organizer's list of people. It never says whom anyone drew. */
export function ParticipantsTable(props: ParticipantsTableProps) {
  const flagged = new Set(props.flaggedIds);
  const names = new Map(props.participants.map((p) => [p.id, p.name]));
  const columns = props.drawn ? 7 : 6;
  return (
    <div className="table-wrap">
      <table className="table ptable">
        <caption className="visually-hidden">Participants</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Gift ideas</th>
            <th scope="col">Confirmed</th>
            {props.drawn && <th scope="col">Match opened</th>}
            <th scope="col">Reminders</th>
            <th scope="col">Address given</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.participants.map((p) => {
            const household = props.householdOf.get(p.id);
            return (
              <Fragment key={p.id}>
                <tr className={flagged.has(p.id) ? 'is-flagged' : undefined}>
                  <td>
                    <span className="ptable__name">{p.name}</span>
                    <span className="ptable__email">{p.email || 'No email'}</span>
                    {(p.delivery !== 'email' || p.email === '') && <span className="ptable__email">{deliveryText(p, (id) => names.get(id))}</span>}
                    {p.sharesAddressWith.length > 0 && <span className="ptable__email">Shares this address with {p.sharesAddressWith.join(', ')}</span>}
                    <span className="ptable__tags">
                      {p.isOrganizer && <span className="badge badge--info">You</span>}
                      {household && <span className="badge">{household}</span>}
                      {p.withdrawn && <span className="badge badge--bad">Withdrawn</span>}
                      {flagged.has(p.id) && <span className="badge badge--bad">Blocks the draw</span>}
                    </span>
                  </td>
                  <td className="ptable__ideas-cell">{p.giftIdeas ? <span className="ptable__ideas">{p.giftIdeas}</span> : <span className="muted">None yet</span>}</td>
                  <td>{p.email === '' ? <span className="muted">No email</span> : <Yes yes={p.emailConfirmed} yesText="Yes" noText={unconfirmedText(p)} />}</td>
                  {props.drawn && (
                    <td>
                      <Yes yes={p.assignmentViewed} yesText="Opened" noText="Not yet" />
                    </td>
                  )}
                  <td>{p.email === '' ? 'No email' : p.remindersEnabled ? 'On' : 'Off'}</td>
                  {/* Only whether one was given: the address itself is for the person's Santa alone. */}
                  <td>{p.addressGiven ? 'Yes' : 'No'}</td>
                  <td>
                    <div className="ptable__actions">
                      {props.invitable && !p.withdrawn && p.email !== '' && props.onInvite && (
                        <button
                          type="button"
                          className="btn btn--small"
                          onClick={() => props.onInvite?.(p)}
                          aria-label={`${p.invitation === 'none' ? 'Invite' : 'Invite again:'} ${p.name}`}
                        >
                          {p.invitation === 'none' ? 'Invite' : 'Invite again'}
                        </button>
                      )}
                      {props.editable && (
                        <button type="button" className="btn btn--small" onClick={() => props.onEdit(p)} aria-label={`Edit ${p.name}`}>
                          Edit
                        </button>
                      )}
                      <button
                        type="button"
                        className="btn btn--small"
                        onClick={() => props.onLink(p)}
                        aria-label={`Personal link for ${p.name}`}
                        aria-expanded={props.detail?.participantId === p.id}
                      >
                        Link
                      </button>
                      {props.editable && (
                        <button type="button" className="btn btn--small btn--danger" onClick={() => props.onRemove(p)} aria-label={`Remove ${p.name}`}>
                          Remove
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
                {props.detail?.participantId === p.id && (
                  <tr className="ptable__detail">
                    <td colSpan={columns}>{props.detail.content}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
