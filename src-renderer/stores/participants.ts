import type { OperationInput, OperationOutput } from '@contract';
import { create } from 'zustand';
import { currentT } from '../lib/i18n';
import { call } from '../api/client';
import { attempt, type ActionResult } from './result';

export type Participant = OperationOutput<'participants.list'>[number];
export type ImportPreview = OperationOutput<'participants.import'>;
export type PersonalLink = OperationOutput<'participants.personalLink'>;
export type SpliceView = OperationOutput<'participants.remove'>;
export type InviteResult = OperationOutput<'participants.invite'>;
type AddInput = Omit<OperationInput<'participants.add'>, 'exchangeId'>;
type Patch = OperationInput<'participants.update'>['patch'];

export const PARTICIPANT_FIELDS = ['name', 'email', 'delivery', 'deliveredBy', 'giftIdeas', 'remindersEnabled', 'isOrganizer'] as const;

interface ParticipantsState {
  exchangeId: number | null;
  list: Participant[] | null;
  error: string | null;
  open(exchangeId: number): Promise<void>;
  refresh(): Promise<void>;
  add(input: AddInput): Promise<ActionResult<Participant>>;
  update(participantId: number, patch: Patch): Promise<ActionResult<Participant>>;
  remove(participantId: number): Promise<ActionResult<SpliceView>>;
  /** dryRun: checks every row and names the bad ones; otherwise adds them (all or nothing). */
  importCsv(csv: string, dryRun: boolean): Promise<ActionResult<ImportPreview>>;
  exportCsv(): Promise<ActionResult<OperationOutput<'participants.export'>>>;
  personalLink(participantId: number): Promise<ActionResult<PersonalLink>>;
  /**
   * Welcome emails with their own link: everyone not invited yet, or one person (again). The same
   * `requestId` twice (a double click) sends once; make one per press of the button.
   */
  invite(requestId: string, participantId?: number): Promise<ActionResult<InviteResult>>;
}

/** A fresh id for one press of a button that sends email (getRandomValues works on plain-HTTP pages too). */
export function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The participants of the exchange on screen. Never holds who drew whom. */
export const useParticipants = create<ParticipantsState>()((set, get) => {
  const current = (): number => {
    const id = get().exchangeId;
    if (id === null) throw new Error(currentT().t('admin.store.noExchange'));
    return id;
  };
  return {
    exchangeId: null,
    list: null,
    error: null,
    async open(exchangeId) {
      if (get().exchangeId !== exchangeId) set({ exchangeId, list: null, error: null });
      await get().refresh();
    },
    async refresh() {
      const exchangeId = get().exchangeId;
      if (exchangeId === null) return;
      const result = await call('participants.list', { exchangeId });
      if (get().exchangeId !== exchangeId) return;
      if (result.ok) set({ list: result.value, error: null });
      else set({ error: result.error.message });
    },
    async add(input) {
      const result = await attempt('participants.add', { ...input, exchangeId: current() }, { fields: PARTICIPANT_FIELDS });
      if (result.ok) await get().refresh();
      return result;
    },
    async update(participantId, patch) {
      const result = await attempt('participants.update', { participantId, patch }, { prefix: 'patch.', fields: PARTICIPANT_FIELDS });
      if (result.ok) await get().refresh();
      return result;
    },
    async remove(participantId) {
      const result = await attempt('participants.remove', { participantId });
      if (result.ok) await get().refresh();
      return result;
    },
    async importCsv(csv, dryRun) {
      const result = await attempt('participants.import', { exchangeId: current(), csv, dryRun }, { fields: ['csv'] });
      if (result.ok && !dryRun) await get().refresh();
      return result;
    },
    exportCsv() {
      return attempt('participants.export', { exchangeId: current() });
    },
    async invite(requestId, participantId) {
      const result = await attempt('participants.invite', { exchangeId: current(), requestId, ...(participantId !== undefined && { participantId }) });
      if (result.ok) await get().refresh();
      return result;
    },
    personalLink(participantId) {
      // Only ever called after the organizer confirmed the peek (it is recorded; the person is told).
      return attempt('participants.personalLink', { participantId, confirm: true });
    },
  };
});
