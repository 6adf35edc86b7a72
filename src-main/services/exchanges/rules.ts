import type { OperationOutput, ParsedInput } from '../../contract/operations';
import { DomainError, invalidField, notFound, type Missing } from '../../core/errors';
import { assertEditable } from '../../core/exchange-state';
import { getExchange } from '../../db/repos/exchanges';
import { findParticipant } from '../../db/repos/participants';
import * as repo from '../../db/repos/rules';
import type { Deps } from '../common/deps';
import { pastExchanges } from '../draw/history';
import { activeParticipants } from '../draw/problem';

export type RulesView = OperationOutput<'rules.get'>;

export function viewRules(deps: Deps, exchangeId: number): RulesView {
  const exchange = getExchange(deps.db, exchangeId);
  const rules = repo.loadRules(deps.db, exchangeId);
  return {
    exchangeId,
    pairs: rules.exclusions.filter((e) => e.kind === 'pair').map((e) => ({ id: e.id, aId: e.giverId, bId: e.receiverId })),
    oneWay: rules.exclusions.filter((e) => e.kind === 'one-way').map((e) => ({ id: e.id, giverId: e.giverId, receiverId: e.receiverId })),
    mustDraw: rules.mustDraw,
    households: rules.households,
    avoidPastExchanges: exchange.avoidPastExchanges,
    avoidedExchanges: pastExchanges(deps, exchange, activeParticipants(deps, exchangeId)).map((p) => p.label),
  };
}

/** Runs a rule change in one transaction after checking the exchange still accepts rule changes. */
function changeRules(deps: Deps, exchangeId: number, change: (now: number) => void): RulesView {
  const now = deps.clock.now();
  deps.db.transaction(() => {
    assertEditable(getExchange(deps.db, exchangeId).state, 'matching');
    change(now);
  });
  deps.events.emit({ type: 'rules.changed', exchangeId });
  return viewRules(deps, exchangeId);
}

function nameOf(deps: Deps, exchangeId: number, participantId: number, path: string): string {
  const p = findParticipant(deps.db, participantId);
  if (!p || p.exchangeId !== exchangeId) throw invalidField(path, { key: 'error.rules.stranger' });
  return p.name;
}

function exchangeOfRule(deps: Deps, table: 'exclusions' | 'must_draw_pairs' | 'households', id: number, what: Missing): number {
  const exchangeId = repo.findRuleExchange(deps.db, table, id);
  if (exchangeId === undefined) throw notFound(what);
  return exchangeId;
}

export function addExclusion(deps: Deps, input: ParsedInput<'rules.addExclusion'>): RulesView {
  const { exchangeId, kind } = input;
  if (input.giverId === input.receiverId) throw invalidField('receiverId', { key: 'error.rules.samePerson' });
  return changeRules(deps, exchangeId, (now) => {
    const giver = nameOf(deps, exchangeId, input.giverId, 'giverId');
    const receiver = nameOf(deps, exchangeId, input.receiverId, 'receiverId');
    const between = repo
      .loadRules(deps.db, exchangeId)
      .exclusions.filter((e) => [e.giverId, e.receiverId].includes(input.giverId) && [e.giverId, e.receiverId].includes(input.receiverId));
    if (between.some((e) => e.kind === 'pair')) {
      throw new DomainError('conflict', { key: 'error.rules.pairExists', values: { giver, receiver } });
    }
    if (kind === 'one-way' && between.some((e) => e.giverId === input.giverId)) {
      throw new DomainError('conflict', { key: 'error.rules.oneWayExists', values: { giver, receiver } });
    }
    if (kind === 'pair') {
      // A pair covers both one-way rules between the same two people.
      repo.deleteExclusions(
        deps.db,
        between.map((e) => e.id),
      );
      const [a, b] = input.giverId < input.receiverId ? [input.giverId, input.receiverId] : [input.receiverId, input.giverId];
      repo.insertExclusion(deps.db, { exchangeId, giverId: a, receiverId: b, kind, now });
    } else {
      repo.insertExclusion(deps.db, { exchangeId, giverId: input.giverId, receiverId: input.receiverId, kind, now });
    }
  });
}

export function removeExclusion(deps: Deps, id: number): RulesView {
  const exchangeId = exchangeOfRule(deps, 'exclusions', id, 'exclusion');
  return changeRules(deps, exchangeId, () => repo.deleteExclusions(deps.db, [id]));
}

export function addMustDraw(deps: Deps, input: ParsedInput<'rules.addMustDraw'>): RulesView {
  const { exchangeId, giverId, receiverId } = input;
  if (giverId === receiverId) throw invalidField('receiverId', { key: 'error.rules.self' });
  return changeRules(deps, exchangeId, (now) => {
    const giver = nameOf(deps, exchangeId, giverId, 'giverId');
    const receiver = nameOf(deps, exchangeId, receiverId, 'receiverId');
    const rules = repo.loadRules(deps.db, exchangeId);
    if (rules.mustDraw.some((m) => m.giverId === giverId)) {
      throw new DomainError(
        'conflict',
        { key: 'error.rules.mustDrawGiverTaken', values: { giver } },
        { issues: [{ path: 'giverId', message: { key: 'error.rules.alreadySet' } }] },
      );
    }
    if (rules.mustDraw.some((m) => m.receiverId === receiverId)) {
      throw new DomainError(
        'conflict',
        { key: 'error.rules.mustDrawReceiverTaken', values: { receiver } },
        { issues: [{ path: 'receiverId', message: { key: 'error.rules.alreadyTaken' } }] },
      );
    }
    const excluded = rules.exclusions.some(
      (e) => (e.giverId === giverId && e.receiverId === receiverId) || (e.kind === 'pair' && e.giverId === receiverId && e.receiverId === giverId),
    );
    const sameHousehold = rules.households.some((h) => h.memberIds.includes(giverId) && h.memberIds.includes(receiverId));
    if (excluded || sameHousehold) {
      throw new DomainError('conflict', { key: 'error.rules.mustDrawExcluded', values: { giver, receiver, why: sameHousehold ? 'household' : 'exclusion' } });
    }
    repo.insertMustDraw(deps.db, { exchangeId, giverId, receiverId, now });
  });
}

export function removeMustDraw(deps: Deps, id: number): RulesView {
  const exchangeId = exchangeOfRule(deps, 'must_draw_pairs', id, 'mustDraw');
  return changeRules(deps, exchangeId, () => repo.deleteMustDraw(deps.db, id));
}

function checkMembers(deps: Deps, exchangeId: number, memberIds: number[], householdId: number | null): void {
  if (new Set(memberIds).size !== memberIds.length) throw invalidField('memberIds', { key: 'error.rules.listedTwice' });
  const households = repo.loadRules(deps.db, exchangeId).households;
  memberIds.forEach((id, index) => {
    const name = nameOf(deps, exchangeId, id, `memberIds.${index}`);
    const other = households.find((h) => h.id !== householdId && h.memberIds.includes(id));
    if (other) throw invalidField(`memberIds.${index}`, { key: 'error.rules.inOtherHousehold', values: { name, household: other.name } });
  });
  const mustDrawInside = repo.loadRules(deps.db, exchangeId).mustDraw.find((m) => memberIds.includes(m.giverId) && memberIds.includes(m.receiverId));
  if (mustDrawInside) throw new DomainError('conflict', { key: 'error.rules.householdMustDraw' });
}

function checkHouseholdName(deps: Deps, exchangeId: number, name: string, householdId: number | null): void {
  const clash = repo.loadRules(deps.db, exchangeId).households.find((h) => h.name === name && h.id !== householdId);
  if (clash) throw invalidField('name', { key: 'error.rules.householdName', values: { name } });
}

export function createHousehold(deps: Deps, input: ParsedInput<'rules.createHousehold'>): RulesView {
  return changeRules(deps, input.exchangeId, (now) => {
    checkHouseholdName(deps, input.exchangeId, input.name, null);
    checkMembers(deps, input.exchangeId, input.memberIds, null);
    const id = repo.insertHousehold(deps.db, { exchangeId: input.exchangeId, name: input.name, now });
    repo.setHouseholdMembers(deps.db, id, input.memberIds);
  });
}

export function updateHousehold(deps: Deps, input: ParsedInput<'rules.updateHousehold'>): RulesView {
  const exchangeId = exchangeOfRule(deps, 'households', input.householdId, 'household');
  return changeRules(deps, exchangeId, () => {
    if (input.name !== undefined) {
      checkHouseholdName(deps, exchangeId, input.name, input.householdId);
      repo.renameHousehold(deps.db, input.householdId, input.name);
    }
    if (input.memberIds !== undefined) {
      checkMembers(deps, exchangeId, input.memberIds, input.householdId);
      repo.setHouseholdMembers(deps.db, input.householdId, input.memberIds);
    }
  });
}

export function deleteHousehold(deps: Deps, householdId: number): RulesView {
  const exchangeId = exchangeOfRule(deps, 'households', householdId, 'household');
  return changeRules(deps, exchangeId, () => repo.deleteHousehold(deps.db, householdId));
}
