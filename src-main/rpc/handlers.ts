import type { OperationName, OperationOutput, ParsedInput } from '../contract/operations';
import { schemaVersion } from '../db/migrate';
import { listJobRuns, runReport } from '../services/jobs/job-log';
import { sendReminderNow } from '../services/jobs/remind-now';
import type { Deps } from '../services/common/deps';
import * as backups from '../services/organizer/backups';
import * as breakGlass from '../services/organizer/break-glass';
import * as exchanges from '../services/exchanges/exchanges';
import * as network from '../services/network/network';
import * as shareLinks from '../services/portal/share-links';
import * as tableDraw from '../services/portal/table-draw';
import * as cards from '../services/people/cards';
import { checkDraw } from '../services/draw/check';
import * as matching from '../services/draw/draw';
import { undoDrawInSlices } from '../services/draw/undo-in-slices';
import * as outbox from '../services/mail/outbox';
import * as invite from '../services/people/invite';
import * as participants from '../services/people/participants';
import * as rules from '../services/exchanges/rules';
import * as settings from '../services/organizer/settings';
import * as smtp from '../services/mail/smtp';
import * as santaReveal from '../services/between/reveal';

type Handler<N extends OperationName> = (deps: Deps, input: ParsedInput<N>) => OperationOutput<N> | Promise<OperationOutput<N>>;
export type Handlers = { [N in OperationName]: Handler<N> };

/** Operation name → service call. Nothing but routing belongs here. */
export const handlers: Handlers = {
  'app.info': (deps) => ({
    name: 'Sneaky Klaus',
    version: deps.runtime.version,
    dataDir: deps.paths.dataDir,
    participantUrls: deps.runtime.participantUrls,
    schemaVersion: schemaVersion(deps.db.sqlite),
  }),
  'settings.get': (deps) => settings.getSettings(deps),
  'settings.update': (deps, input) => settings.updateSettings(deps, input),

  'exchanges.list': (deps) => exchanges.listExchangeViews(deps),
  'exchanges.get': (deps, { exchangeId }) => exchanges.viewExchange(deps, exchangeId),
  'exchanges.create': (deps, input) => exchanges.createExchange(deps, input),
  'exchanges.update': (deps, input) => exchanges.updateExchangeDetails(deps, input),
  'exchanges.transition': (deps, input) => exchanges.transitionExchange(deps, input),
  'exchanges.delete': (deps, { exchangeId }) => exchanges.removeExchange(deps, exchangeId),

  'draw.check': (deps, input) => checkDraw(deps, input),
  'exchanges.draw': (deps, input) => matching.draw(deps, input),
  'exchanges.undoDraw': (deps, input) => undoDrawInSlices(deps, input),
  'exchanges.redraw': (deps, input) => matching.redraw(deps, input),
  'exchanges.reveal': (deps, input) => matching.reveal(deps, input),
  'exchanges.revealSantas': (deps, input) => santaReveal.revealSantas(deps, input),

  'exchanges.inviteLink': (deps, { exchangeId }) => shareLinks.inviteLink(deps, exchangeId),
  'exchanges.replaceInviteCode': (deps, { exchangeId }) => shareLinks.replaceInviteCode(deps, exchangeId),
  'participants.personalLink': (deps, { participantId, confirm }) => shareLinks.personalLink(deps, participantId, confirm),
  // The CSV parser and writer are loaded on first use, not at launch.
  'participants.import': async (deps, input) => (await import('../services/people/csv')).importParticipants(deps, input),
  'participants.export': async (deps, { exchangeId }) => (await import('../services/people/csv')).exportParticipants(deps, exchangeId),
  'network.info': (deps) => network.networkInfo(deps),
  'network.startTunnel': (deps) => network.openTunnel(deps),
  'network.stopTunnel': (deps) => network.closeTunnel(deps),
  'backups.list': (deps) => backups.listBackups(deps).map(({ name, sizeBytes, createdAt, reason }) => ({ name, sizeBytes, createdAt, reason })),
  'backups.create': async (deps) => {
    const { name, sizeBytes, createdAt, reason } = await backups.createBackup(deps, 'manual');
    return { name, sizeBytes, createdAt, reason };
  },
  'backups.restore': (deps, { name }) => backups.restoreBackup(deps, name),

  'participants.list': (deps, { exchangeId }) => participants.listParticipantViews(deps, exchangeId),
  'participants.add': (deps, input) => participants.addParticipant(deps, input),
  'participants.update': (deps, input) => participants.updateParticipantDetails(deps, input),
  'participants.invite': (deps, input) => invite.inviteParticipants(deps, input),
  'participants.remove': (deps, { participantId }) => {
    const { changedParticipantIds, emailsQueued } = participants.removeParticipant(deps, participantId);
    return { changedCount: changedParticipantIds.length, emailsQueued };
  },

  'rules.get': (deps, { exchangeId }) => rules.viewRules(deps, exchangeId),
  'rules.addExclusion': (deps, input) => rules.addExclusion(deps, input),
  'rules.removeExclusion': (deps, { id }) => rules.removeExclusion(deps, id),
  'rules.addMustDraw': (deps, input) => rules.addMustDraw(deps, input),
  'rules.removeMustDraw': (deps, { id }) => rules.removeMustDraw(deps, id),
  'rules.createHousehold': (deps, input) => rules.createHousehold(deps, input),
  'rules.updateHousehold': (deps, input) => rules.updateHousehold(deps, input),
  'rules.deleteHousehold': (deps, { householdId }) => rules.deleteHousehold(deps, householdId),

  'outbox.list': (deps, input) => outbox.listOutbox(deps, input),
  'outbox.get': (deps, input) => breakGlass.readOutboxMessage(deps, input),
  'outbox.resend': (deps, { id }) => outbox.resendMessage(deps, id),
  'outbox.retryNow': (deps, { id }) => outbox.retryNow(deps, id),
  'outbox.retryFailed': (deps) => outbox.retryFailed(deps),
  'outbox.status': (deps) => outbox.outboxStatus(deps),
  'outbox.pause': (deps, { paused }) => {
    smtp.setSendingPaused(deps, paused);
    return outbox.outboxStatus(deps);
  },
  'jobs.upcoming': (deps, { limit }) => deps.jobs.upcoming(limit),
  'jobs.runs': (deps, input) => listJobRuns(deps, input),
  'jobs.runNow': async (deps, { job }) => runReport(await deps.jobs.runNow(job), job),
  'jobs.sendReminderNow': async (deps, { exchangeId }) => runReport([await sendReminderNow(deps, exchangeId)], 'reminders'),
  'jobs.runDue': async (deps) => runReport(await deps.jobs.runDue(), null),
  'jobs.health': (deps) => deps.jobs.health(),
  'smtp.get': (deps) => smtp.viewSmtp(deps),
  'smtp.set': (deps, input) => smtp.saveSmtp(deps, input),
  'smtp.test': (deps, input) => smtp.sendTestEmail(deps, input),

  'tableDraw.open': (deps, { exchangeId }) => tableDraw.openTableDraw(deps, exchangeId),
  'tableDraw.status': (deps, { exchangeId }) => tableDraw.tableDrawStatus(deps, exchangeId),
  'tableDraw.close': (deps, { exchangeId }) => (tableDraw.closeTableDraw(deps, exchangeId), { done: true as const }),
  'cards.print': (deps, input) => cards.printCards(deps, input),
  'cards.status': (deps, { exchangeId }) => cards.cardsStatus(deps, exchangeId),
};
