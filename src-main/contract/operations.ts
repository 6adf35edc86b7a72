import { z } from 'zod';
import { CreateExchangeInput, ExchangeRef, ExchangeSummaryView, ExchangeView, TransitionInput, UpdateExchangeInput } from './exchanges';
import { AddExclusionInput, AddMustDrawInput, HouseholdInput, HouseholdRef, RuleRef, RulesView, UpdateHouseholdInput } from './exclusions';
import {
  ListOutboxInput,
  OutboxItemView,
  OutboxMessageView,
  OutboxRef,
  OutboxStatusView,
  PauseInput,
  ReadMessageInput,
  SetSmtpInput,
  SmtpSettingsView,
  TestSmtpInput,
  TestSmtpResult,
} from './outbox';
import { JobRunsInput, JobRunView, RunJobInput, RunReport, SchedulerHealthView, SendReminderNowInput, UpcomingInput, UpcomingJobView } from './jobs';
import { BackupView, ExportView, ImportInput, ImportView, LinkView, NetworkView, RestoreInput, RestoreView } from './tools';
import { DrawCheckInput, DrawCheckView, DrawInput, DrawView, RedrawInput, RevealInput, RevealView, SpliceView, UndoDrawInput } from './matching';
import { AddParticipantInput, InviteInput, InviteView, ParticipantRef, ParticipantView, PersonalLinkInput, UpdateParticipantInput } from './participants';
import { AppInfoView, SettingsView, UpdateSettingsInput } from './settings';
import { RevealSantasInput } from './between';
import { CardsStatusView, PrintCardsInput, PrintedCardsView, TableDrawStatusView } from './everyone';

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

  'draw.check': op(DrawCheckInput, DrawCheckView, 'Can names be drawn with these rules? Names the people in the way.'),
  'exchanges.draw': op(DrawInput, DrawView, 'Draw names, store the matches and queue everyone’s match email.'),
  'exchanges.undoDraw': op(UndoDrawInput, ExchangeView, 'Undo the draw (confirm once anyone was told).'),
  'exchanges.redraw': op(RedrawInput, DrawView, 'Draw everyone again; people already told get a changed-assignment email.'),
  'exchanges.reveal': op(RevealInput, RevealView, 'Show who drew whom, on explicit confirmation (recorded).'),
  'exchanges.revealSantas': op(RevealSantasInput, ExchangeView, 'Reveal to everyone: each participant’s page names their Santa (manual mode); the organizer sees no pair.'),

  'exchanges.inviteLink': op(ExchangeRef, LinkView, 'The invite link with its QR code.'),
  'exchanges.replaceInviteCode': op(ExchangeRef, ExchangeView, 'Replace a leaked invite link; the old one stops working.'),
  'participants.personalLink': op(PersonalLinkInput, LinkView, 'A fresh 24-hour personal link (and QR) to send by chat; on confirmation, recorded and the participant is told.'),
  'participants.import': op(ImportInput, ImportView, 'Check (dryRun) or add participants from CSV; bad rows are named.'),
  'participants.export': op(ExchangeRef, ExportView, 'The participants as CSV.'),
  'network.info': op(Empty, NetworkView, 'LAN addresses, the public address and the tunnel.'),
  'network.startTunnel': op(Empty, NetworkView, 'Start a Cloudflare quick tunnel and use its address in links.'),
  'network.stopTunnel': op(Empty, NetworkView, 'Stop the quick tunnel.'),
  'backups.list': op(Empty, z.array(BackupView), 'Backups in the data folder, newest first.'),
  'backups.create': op(Empty, BackupView, 'Back up now.'),
  'backups.restore': op(RestoreInput, RestoreView, 'Restore a backup at the next start (current data is backed up first).'),

  'participants.list': op(ExchangeRef, z.array(ParticipantView), 'Participants of an exchange (organizer view).'),
  'participants.add': op(AddParticipantInput, ParticipantView, 'Add a participant by hand.'),
  'participants.update': op(UpdateParticipantInput, ParticipantView, 'Edit a participant.'),
  'participants.invite': op(
    InviteInput,
    InviteView,
    'Queue a welcome email with their personal link for everyone not yet invited, or for one person (again if asked); a repeated request sends once.',
  ),
  'participants.remove': op(ParticipantRef, SpliceView, 'Remove a participant and everything that names them; after the draw their loop is mended.'),

  'rules.get': op(ExchangeRef, RulesView, 'Exclusions, households and must-draw pairs of an exchange.'),
  'rules.addExclusion': op(AddExclusionInput, RulesView, 'Two people never draw each other (pair) or one never draws the other.'),
  'rules.removeExclusion': op(RuleRef, RulesView, 'Remove an exclusion.'),
  'rules.addMustDraw': op(AddMustDrawInput, RulesView, 'Fix who one person draws.'),
  'rules.removeMustDraw': op(RuleRef, RulesView, 'Remove a must-draw pair.'),
  'rules.createHousehold': op(HouseholdInput, RulesView, 'Group people who never draw each other.'),
  'rules.updateHousehold': op(UpdateHouseholdInput, RulesView, 'Rename a household or change its members.'),
  'rules.deleteHousehold': op(HouseholdRef, RulesView, 'Dissolve a household.'),

  'outbox.list': op(ListOutboxInput, z.array(OutboxItemView), 'Emails, newest first, by status, exchange or kind.'),
  'outbox.get': op(
    ReadMessageInput,
    OutboxMessageView,
    'One email with its links; the text of one that names a giftee only with showPrivate and confirm (recorded, the recipient is told).',
  ),
  'outbox.resend': op(OutboxRef, OutboxMessageView, 'Send a failed or sent email again.'),
  'outbox.retryNow': op(OutboxRef, OutboxMessageView, 'Try a queued email now instead of waiting for its retry.'),
  'outbox.retryFailed': op(Empty, z.object({ requeued: z.number() }), 'Queue every failed email again.'),
  'outbox.status': op(Empty, OutboxStatusView, 'Counts by status, whether mail is configured or paused.'),
  'outbox.pause': op(PauseInput, OutboxStatusView, 'Pause or resume sending.'),
  'jobs.upcoming': op(UpcomingInput, z.array(UpcomingJobView), 'The next background jobs, soonest first.'),
  'jobs.runs': op(JobRunsInput, z.array(JobRunView), 'The job run log, newest first.'),
  'jobs.runNow': op(RunJobInput, RunReport, 'Run one job now, due or not.'),
  'jobs.sendReminderNow': op(SendReminderNowInput, RunReport, "Send an exchange's reminder to everyone now, before its planned day."),
  'jobs.runDue': op(Empty, RunReport, 'Run every job that is due (after waking from sleep).'),
  'jobs.health': op(Empty, SchedulerHealthView, 'Whether the scheduler runs, when it last woke, which jobs fail.'),
  'smtp.get': op(Empty, SmtpSettingsView, 'Mail server settings (never the password) and presets.'),
  'smtp.set': op(SetSmtpInput, SmtpSettingsView, 'Save the mail server settings and, optionally, the password.'),
  'smtp.test': op(TestSmtpInput, TestSmtpResult, 'Send a test email now and explain any failure.'),

  'tableDraw.open': op(ExchangeRef, LinkView, 'Start the in-person draw: a one-time link (and QR) for the one device passed around the table.'),
  'tableDraw.status': op(ExchangeRef, TableDrawStatusView, 'Who draws at the table and who has looked (never what they saw).'),
  'tableDraw.close': op(ExchangeRef, Done, 'End the table draw: the device shows nothing more.'),
  'cards.print': op(PrintCardsInput, PrintedCardsView, 'Cards to print: name and QR only, or with the giftee under a fold (confirm; recorded, the person is told).'),
  'cards.status': op(ExchangeRef, CardsStatusView, 'Cards printed so far, and which show an old giftee and need printing again.'),
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
