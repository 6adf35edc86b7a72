import { z } from 'zod';
import {
  CreateExchangeInput,
  ExchangeRef,
  ExchangeSummaryView,
  ExchangeView,
  TransitionInput,
  UpdateExchangeInput,
} from './exchanges';
import {
  AddExclusionInput,
  AddMustDrawInput,
  HouseholdInput,
  HouseholdRef,
  RuleRef,
  RulesView,
  UpdateHouseholdInput,
} from './exclusions';
import { AddParticipantInput, ParticipantRef, ParticipantView, UpdateParticipantInput } from './participants';
import { AppInfoView, SettingsView, UpdateSettingsInput } from './settings';

const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string) => ({ input, output, summary });
const Empty = z.object({}).default({});
const Done = z.object({ done: z.literal(true) });

/**
 * Every operation of the organizer's API: name → input schema, output schema. IPC, the headless
 * admin HTTP API and tests all go through `dispatch`, which validates against these.
 */
export const operations = {
  'app.info': op(Empty, AppInfoView, 'Version, data folder and the addresses participants can use.'),
  'settings.get': op(Empty, SettingsView, 'The organizer profile and defaults.'),
  'settings.update': op(UpdateSettingsInput, SettingsView, 'Change the organizer profile or defaults.'),

  'exchanges.list': op(Empty, z.array(ExchangeSummaryView), 'All exchanges, newest first.'),
  'exchanges.get': op(ExchangeRef, ExchangeView, 'One exchange with what can be done to it now.'),
  'exchanges.create': op(CreateExchangeInput, ExchangeView, 'Create a draft exchange.'),
  'exchanges.update': op(UpdateExchangeInput, ExchangeView, 'Edit an exchange, within its state rules.'),
  'exchanges.transition': op(TransitionInput, ExchangeView, 'Open, close, reopen, unpublish or cancel.'),
  'exchanges.delete': op(ExchangeRef, Done, 'Delete a draft, cancelled or completed exchange and all its data.'),

  'participants.list': op(ExchangeRef, z.array(ParticipantView), 'Participants of an exchange (organizer view).'),
  'participants.add': op(AddParticipantInput, ParticipantView, 'Add a participant by hand.'),
  'participants.update': op(UpdateParticipantInput, ParticipantView, 'Edit a participant.'),
  'participants.remove': op(ParticipantRef, Done, 'Remove a participant and everything that names them.'),

  'rules.get': op(ExchangeRef, RulesView, 'Exclusions, households and must-draw pairs of an exchange.'),
  'rules.addExclusion': op(AddExclusionInput, RulesView, 'Two people never draw each other (pair) or one never draws the other.'),
  'rules.removeExclusion': op(RuleRef, RulesView, 'Remove an exclusion.'),
  'rules.addMustDraw': op(AddMustDrawInput, RulesView, 'Fix who one person draws.'),
  'rules.removeMustDraw': op(RuleRef, RulesView, 'Remove a must-draw pair.'),
  'rules.createHousehold': op(HouseholdInput, RulesView, 'Group people who never draw each other.'),
  'rules.updateHousehold': op(UpdateHouseholdInput, RulesView, 'Rename a household or change its members.'),
  'rules.deleteHousehold': op(HouseholdRef, RulesView, 'Dissolve a household.'),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
/** What a caller may send (defaults not yet applied). */
export type OperationInput<N extends OperationName> = z.input<Operations[N]['input']>;
/** What a handler receives (validated, defaults applied). */
export type ParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OperationOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(operations, name);
}
