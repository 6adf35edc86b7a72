import type { OperationOutput } from '../../contract/operations';
import { listExchanges } from '../../db/repos/exchanges';
import { findParticipant } from '../../db/repos/participants';
import { readSetting, writeSetting } from '../../db/repos/settings';
import type { Deps } from '../common/deps';
import { getSettings, organizerTranslator } from '../organizer/settings';
import { realPurgeMoment } from './render-organizer';
import { UNLISTED_KINDS } from './kinds';

type Notice = OperationOutput<'outbox.status'>['notices'][number];

const LINKS_MOVED = 'linksMovedNotice';

interface LinksMoved {
  from: string;
  to: string;
  at: number;
  participantIds: number[];
}

/**
 * Purge warnings the organizer must see on screen: every finished exchange whose warning was
 * given (delivered by mail, or shown here because mail could not carry it), with the real moment.
 */
function purgeNotices(deps: Deps): Notice[] {
  const { timezone } = getSettings(deps);
  const t = organizerTranslator(deps);
  const now = deps.clock.now();
  const out: Notice[] = [];
  for (const e of listExchanges(deps.db)) {
    if (e.purgeWarnedAt === null) continue;
    const at = realPurgeMoment(deps, e, e.purgeWarnedAt, now);
    if (at === null) continue;
    out.push({
      kind: 'purge-warning',
      exchangeId: e.id,
      at: e.purgeWarnedAt,
      message: t.t('error.notice.purge', { exchange: e.name, at: t.dateTime(at, timezone) }),
      participantIds: [],
    });
  }
  return out;
}

/** Remembers that the public address changed under links already sent, for the organizer's screens. */
export function recordLinksMoved(deps: Deps, moved: LinksMoved): void {
  writeSetting(deps.db, LINKS_MOVED, moved, deps.clock.now());
}

function linksMovedNotice(deps: Deps): Notice[] {
  const value = readSetting(deps.db, LINKS_MOVED) as LinksMoved | undefined;
  if (!value || typeof value !== 'object' || !Array.isArray(value.participantIds)) return [];
  const names = value.participantIds.flatMap((id) => findParticipant(deps.db, id)?.name ?? []);
  const n = names.length;
  const t = organizerTranslator(deps);
  const shown = n > NAMES_SHOWN ? t.t('error.notice.namesAndMore', { names: names.slice(0, NAMES_SHOWN).join(', '), more: n - NAMES_SHOWN }) : names.join(', ');
  return [
    {
      kind: 'links-moved',
      exchangeId: null,
      at: value.at,
      message: t.t('error.notice.linksMoved', { from: value.from, to: value.to, count: n, names: shown }),
      participantIds: value.participantIds,
    },
  ];
}

/** A notice is read in a glance; the rest are counted. */
const NAMES_SHOWN = 8;

export function mailNotices(deps: Deps): Notice[] {
  return [...purgeNotices(deps), ...linksMovedNotice(deps)];
}

/** Participants sent a message with a link (sent, or on its way) since `since`. */
export function participantsMailedSince(deps: Deps, since: number): number[] {
  const rows = deps.db.all(
    deps.db.q
      .selectFrom('email_outbox')
      .select('participant_id')
      .distinct()
      .where('participant_id', 'is not', null)
      .where('sent_at', '>=', since)
      .where('status', '=', 'sent')
      // Who got a message notice, and when, would hint at who is paired with whom.
      .where('kind', 'not in', [...UNLISTED_KINDS]),
  );
  return rows.map((r) => r.participant_id).filter((id): id is number => id !== null);
}
