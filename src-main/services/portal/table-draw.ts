import { DomainError } from '../../core/errors';
import { qrSvg } from '../../core/qr';
import { randomToken, sha256Hex } from '../../core/tokens';
import type { Exchange, Participant } from '../../core/types';
import type { Locale } from '../../i18n';
import { findExchange, getExchange } from '../../db/repos/exchanges';
import { findReceiversOf, gifteesKey } from '../../db/repos/matches';
import { findParticipant, listParticipants, updateParticipant } from '../../db/repos/participants';
import * as repo from '../../db/repos/table-draws';
import type { Deps } from '../common/deps';
import { participantBaseUrl } from '../network/links';

/**
 * The in-person draw ("pass the phone"): the organizer starts a session and shows its link; the
 * first device to open it keeps it (a cookie), and the link stops working. At the table each
 * person taps their name, confirms, sees their giftee, and hides it again. A look is recorded,
 * so a second look on the shared device is refused; someone with their own page can look there.
 */

/** A table evening: long enough for dinner, short enough that a forgotten phone stops showing names. */
export const TABLE_TTL_MS = 12 * 3_600_000;

export interface TableDevice {
  id: number;
  exchange: Exchange;
  showingParticipantId: number | null;
}

export interface TablePerson {
  id: number;
  name: string;
  looked: boolean;
}

/** Who draws at the table: the people whose delivery is `in_person`, still taking part. */
function tablePeople(deps: Deps, exchangeId: number): Participant[] {
  return listParticipants(deps.db, exchangeId).filter((p) => p.withdrawnAt === null && p.delivery === 'in_person');
}

export async function openTableDraw(deps: Deps, exchangeId: number): Promise<{ url: string; qrSvg: string; expiresAt: number | null }> {
  const now = deps.clock.now();
  const code = randomToken(deps.random, 24);
  deps.db.transaction(() => {
    const exchange = getExchange(deps.db, exchangeId);
    if (exchange.state !== 'matched') throw new DomainError('invalid_state', { key: 'error.table.notDrawn' });
    if (tablePeople(deps, exchange.id).length === 0) {
      throw new DomainError('invalid_state', { key: 'error.table.nobody' });
    }
    // One table at a time: a new link ends the previous session (a phone left somewhere shows nothing more).
    repo.closeTableDraws(deps.db, exchange.id, now);
    repo.insertTableDraw(deps.db, exchange.id, sha256Hex(code), now, now + TABLE_TTL_MS);
  });
  deps.events.emit({ type: 'exchange.changed', exchangeId });
  const url = `${participantBaseUrl(deps)}/table/start/${code}`;
  return { url, qrSvg: await qrSvg(url, 'QR code of the table draw link'), expiresAt: now + TABLE_TTL_MS };
}

/** The organizer's view: is a table open, and who has looked (never what they saw). */
export function tableDrawStatus(deps: Deps, exchangeId: number): { open: boolean; expiresAt: number | null; people: TablePerson[] } {
  const exchange = getExchange(deps.db, exchangeId);
  const latest = repo.latestTableDraw(deps.db, exchange.id);
  const now = deps.clock.now();
  const open = latest !== undefined && latest.closedAt === null && latest.expiresAt > now;
  const looks = repo.tableLooks(deps.db, exchange.id);
  return { open, expiresAt: open ? latest.expiresAt : null, people: tablePeople(deps, exchange.id).map((p) => ({ id: p.id, name: p.name, looked: looks.has(p.id) })) };
}

export function closeTableDraw(deps: Deps, exchangeId: number): void {
  deps.db.transaction(() => repo.closeTableDraws(deps.db, getExchange(deps.db, exchangeId).id, deps.clock.now()));
  deps.events.emit({ type: 'exchange.changed', exchangeId });
}

function usable(deps: Deps, draw: repo.TableDraw | undefined): TableDevice | undefined {
  if (!draw || draw.closedAt !== null || draw.expiresAt <= deps.clock.now()) return undefined;
  const exchange = findExchange(deps.db, draw.exchangeId);
  if (exchange?.state !== 'matched') return undefined;
  return { id: draw.id, exchange, showingParticipantId: draw.showingParticipantId };
}

/** The one-time code: the first device to spend it gets the session's cookie token. */
export function claimTableCode(deps: Deps, code: string): { kind: 'ok'; deviceToken: string } | { kind: 'unknown' | 'used' } {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(code)) return { kind: 'unknown' };
  const deviceToken = randomToken(deps.random, 32);
  return deps.db.transaction(() => {
    const draw = repo.findTableDrawByCode(deps.db, sha256Hex(code));
    if (!usable(deps, draw)) return { kind: 'unknown' as const };
    if (!repo.claimTableDevice(deps.db, draw!.id, sha256Hex(deviceToken))) return { kind: 'used' as const };
    return { kind: 'ok' as const, deviceToken };
  });
}

/** Whether the code still opens a table (for the page before its button). */
export function peekTableCode(deps: Deps, code: string): { state: 'valid'; exchangeName: string; locale: Locale } | { state: 'used' | 'unknown' } {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(code)) return { state: 'unknown' };
  const draw = repo.findTableDrawByCode(deps.db, sha256Hex(code));
  const table = usable(deps, draw);
  if (!table) return { state: 'unknown' };
  return draw!.deviceHash === null ? { state: 'valid', exchangeName: table.exchange.name, locale: table.exchange.locale } : { state: 'used' };
}

export function tableForDevice(deps: Deps, deviceToken: string | undefined): TableDevice | undefined {
  if (!deviceToken || !/^[A-Za-z0-9_-]{20,64}$/.test(deviceToken)) return undefined;
  return usable(deps, repo.findTableDrawByDevice(deps.db, sha256Hex(deviceToken)));
}

export function tableList(deps: Deps, table: TableDevice): TablePerson[] {
  const looks = repo.tableLooks(deps.db, table.exchange.id);
  return tablePeople(deps, table.exchange.id).map((p) => ({ id: p.id, name: p.name, looked: looks.has(p.id) }));
}

export function tablePerson(deps: Deps, table: TableDevice, participantId: number): TablePerson | undefined {
  return tableList(deps, table).find((p) => p.id === participantId);
}

/**
 * "I am Mia": records the look (a second one is refused) and puts Mia's giftee on the screen
 * until "Hide and pass on" or any other table page. Also counts as having opened the match, for
 * the organizer's list.
 */
export function lookAtTable(deps: Deps, table: TableDevice, participantId: number): 'ok' | 'looked' | 'not-here' {
  const now = deps.clock.now();
  return deps.db.transaction(() => {
    const person = tablePeople(deps, table.exchange.id).find((p) => p.id === participantId);
    const giftees = person && gifteesKey(deps.db, table.exchange.id, person.id);
    if (!person || !giftees) return 'not-here';
    if (!repo.insertTableLook(deps.db, table.exchange.id, person.id, giftees, now)) return 'looked';
    repo.setShowing(deps.db, table.id, person.id);
    if (person.assignmentViewedAt === null) updateParticipant(deps.db, person.id, { assignmentViewedAt: now });
    deps.events.emit({ type: 'participants.changed', exchangeId: table.exchange.id });
    return 'ok';
  });
}

/** What is on the screen right now, if anything: the person and their giftees (in round order). */
export function tableShowing(deps: Deps, table: TableDevice): { person: Participant; giftees: Participant[] } | null {
  if (table.showingParticipantId === null) return null;
  const person = findParticipant(deps.db, table.showingParticipantId);
  if (!person) return null;
  const giftees = findReceiversOf(deps.db, table.exchange.id, person.id).flatMap((id) => findParticipant(deps.db, id) ?? []);
  return giftees.length > 0 ? { person, giftees } : null;
}

export function hideTable(deps: Deps, table: TableDevice): void {
  deps.db.transaction(() => repo.setShowing(deps.db, table.id, null));
}
