import type { OperationName, OperationOutput, ParsedInput } from '../contract/operations';
import { schemaVersion } from '../db/migrate';
import type { Deps } from '../services/deps';
import * as exchanges from '../services/exchanges';
import * as participants from '../services/participants';
import * as rules from '../services/rules';
import * as settings from '../services/settings';

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

  'participants.list': (deps, { exchangeId }) => participants.listParticipantViews(deps, exchangeId),
  'participants.add': (deps, input) => participants.addParticipant(deps, input),
  'participants.update': (deps, input) => participants.updateParticipantDetails(deps, input),
  'participants.remove': (deps, { participantId }) => participants.removeParticipant(deps, participantId),

  'rules.get': (deps, { exchangeId }) => rules.viewRules(deps, exchangeId),
  'rules.addExclusion': (deps, input) => rules.addExclusion(deps, input),
  'rules.removeExclusion': (deps, { id }) => rules.removeExclusion(deps, id),
  'rules.addMustDraw': (deps, input) => rules.addMustDraw(deps, input),
  'rules.removeMustDraw': (deps, { id }) => rules.removeMustDraw(deps, id),
  'rules.createHousehold': (deps, input) => rules.createHousehold(deps, input),
  'rules.updateHousehold': (deps, input) => rules.updateHousehold(deps, input),
  'rules.deleteHousehold': (deps, { householdId }) => rules.deleteHousehold(deps, householdId),
};
