import { LOCALE_NAMES, type Locale, type Translator } from '@i18n';
import { Fragment, type ReactNode } from 'react';
import { deliveryText } from '../lib/delivery';
import { useT } from '../lib/i18n';
import { useExchange } from '../stores/exchange';
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
  /** The exchange's language: a person whose own differs has it shown. The open exchange's when not given. */
  exchangeLocale?: Locale;
  /** Shown in a row right under one person (their personal link), where it was asked for. */
  detail?: { participantId: number; content: ReactNode } | null;
  onEdit(participant: Participant): void;
  onLink(participant: Participant): void;
  onRemove(participant: Participant): void;
  onInvite?(participant: Participant): void;
}

/** Not confirmed yet: were they emailed a link at all? (Signed up themselves: their welcome has one.) */
function unconfirmedText(p: Participant, t: Translator): string {
  if (p.invitation === 'invited') return t.t('parts.people.invited');
  if (p.invitation === 'none') return t.t('parts.people.notInvited');
  return t.t('parts.people.notYet');
}

function Yes(props: { yes: boolean; yesText: string; noText: string }) {
  return <span className={`badge ${props.yes ? 'badge--ok' : ''}`}>{props.yes ? props.yesText : props.noText}</span>;
}

/** The organizer's list of people. It never says whom anyone drew. */
export function ParticipantsTable(props: ParticipantsTableProps) {
  const t = useT();
  const openExchangeLocale = useExchange((s) => s.exchange?.locale);
  const exchangeLocale = props.exchangeLocale ?? openExchangeLocale;
  const flagged = new Set(props.flaggedIds);
  const names = new Map(props.participants.map((p) => [p.id, p.name]));
  const columns = props.drawn ? 7 : 6;
  return (
    <div className="table-wrap">
      <table className="table ptable">
        <caption className="visually-hidden">{t.t('parts.people.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('parts.people.person')}</th>
            <th scope="col">{t.t('parts.people.giftIdeas')}</th>
            <th scope="col">{t.t('parts.people.confirmed')}</th>
            {props.drawn && <th scope="col">{t.t('parts.people.matchOpened')}</th>}
            <th scope="col">{t.t('parts.people.reminders')}</th>
            <th scope="col">{t.t('parts.people.addressGiven')}</th>
            <th scope="col">
              <span className="visually-hidden">{t.t('parts.people.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.participants.map((p) => {
            const household = props.householdOf.get(p.id);
            const ownLanguage = p.locale !== null && p.locale !== exchangeLocale ? LOCALE_NAMES[p.locale] : null;
            return (
              <Fragment key={p.id}>
                <tr className={flagged.has(p.id) ? 'is-flagged' : undefined}>
                  <td>
                    <span className="ptable__name">{p.name}</span>
                    <span className="ptable__email">{p.email || t.t('parts.people.noEmail')}</span>
                    {(p.delivery !== 'email' || p.email === '') && <span className="ptable__email">{deliveryText(p, (id) => names.get(id), t)}</span>}
                    {p.sharesAddressWith.length > 0 && <span className="ptable__email">{t.t('parts.people.sharesAddress', { names: t.list(p.sharesAddressWith) })}</span>}
                    <span className="ptable__tags">
                      {p.isOrganizer && <span className="badge badge--info">{t.t('parts.people.you')}</span>}
                      {household && <span className="badge">{household}</span>}
                      {ownLanguage && (
                        <span className="badge" title={t.t('parts.people.languageTitle', { language: ownLanguage })}>
                          {ownLanguage}
                        </span>
                      )}
                      {p.withdrawn && <span className="badge badge--bad">{t.t('parts.people.withdrawn')}</span>}
                      {flagged.has(p.id) && <span className="badge badge--bad">{t.t('parts.people.blocksDraw')}</span>}
                    </span>
                  </td>
                  <td className="ptable__ideas-cell">
                    {p.giftIdeas ? <span className="ptable__ideas">{p.giftIdeas}</span> : <span className="muted">{t.t('parts.people.noIdeas')}</span>}
                  </td>
                  <td>
                    {p.email === '' ? (
                      <span className="muted">{t.t('parts.people.noEmail')}</span>
                    ) : (
                      <Yes yes={p.emailConfirmed} yesText={t.t('parts.people.yes')} noText={unconfirmedText(p, t)} />
                    )}
                  </td>
                  {props.drawn && (
                    <td>
                      <Yes yes={p.assignmentViewed} yesText={t.t('parts.people.opened')} noText={t.t('parts.people.notYet')} />
                    </td>
                  )}
                  <td>{p.email === '' ? t.t('parts.people.noEmail') : p.remindersEnabled ? t.t('parts.people.on') : t.t('parts.people.off')}</td>
                  {/* Only whether one was given: the address itself is for the person's Santa alone. */}
                  <td>{p.addressGiven ? t.t('parts.people.yes') : t.t('parts.people.no')}</td>
                  <td>
                    <div className="ptable__actions">
                      {props.invitable && !p.withdrawn && p.email !== '' && props.onInvite && (
                        <button
                          type="button"
                          className="btn btn--small"
                          onClick={() => props.onInvite?.(p)}
                          aria-label={p.invitation === 'none' ? t.t('parts.people.inviteLabel', { name: p.name }) : t.t('parts.people.inviteAgainLabel', { name: p.name })}
                        >
                          {p.invitation === 'none' ? t.t('parts.people.invite') : t.t('parts.people.inviteAgain')}
                        </button>
                      )}
                      {props.editable && (
                        <button type="button" className="btn btn--small" onClick={() => props.onEdit(p)} aria-label={t.t('parts.people.editLabel', { name: p.name })}>
                          {t.t('parts.people.edit')}
                        </button>
                      )}
                      <button
                        type="button"
                        className="btn btn--small"
                        onClick={() => props.onLink(p)}
                        aria-label={t.t('parts.people.linkLabel', { name: p.name })}
                        aria-expanded={props.detail?.participantId === p.id}
                      >
                        {t.t('parts.people.link')}
                      </button>
                      {props.editable && (
                        <button
                          type="button"
                          className="btn btn--small btn--danger"
                          onClick={() => props.onRemove(p)}
                          aria-label={t.t('parts.people.removeLabel', { name: p.name })}
                        >
                          {t.t('parts.people.remove')}
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
