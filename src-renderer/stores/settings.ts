import type { OperationInput, OperationOutput } from '@contract';
import { create } from 'zustand';
import { call, transportKind } from '../api/client';
import { attempt, type ActionResult } from './result';

export type Settings = OperationOutput<'settings.get'>;
export type SmtpSettings = OperationOutput<'smtp.get'>;
export type SmtpInput = OperationInput<'smtp.set'>;
export type SmtpTest = OperationOutput<'smtp.test'>;
export type NetworkInfo = OperationOutput<'network.info'>;
export type Backup = OperationOutput<'backups.list'>[number];
export type AppInfo = OperationOutput<'app.info'>;
type SettingsPatch = OperationInput<'settings.update'>;

export const SETTINGS_FIELDS = ['organizer.name', 'organizer.email', 'timezone', 'currency', 'reminderDays', 'retentionDays', 'publicBaseUrl'] as const;
export const SMTP_FIELDS = ['presetId', 'host', 'port', 'security', 'username', 'password', 'fromName', 'fromAddress', 'maxConnections'] as const;

interface SettingsState {
  settings: Settings | null;
  smtp: SmtpSettings | null;
  network: NetworkInfo | null;
  backups: Backup[] | null;
  info: AppInfo | null;
  error: string | null;
  /** Desktop-only settings (launch at login, notifications) are shown only in the desktop app. */
  isDesktop(): boolean;
  /** Settings only: decides between the setup screen and the app. */
  load(): Promise<void>;
  loadAll(): Promise<void>;
  update(patch: SettingsPatch): Promise<ActionResult<Settings>>;
  saveSmtp(input: SmtpInput): Promise<ActionResult<SmtpSettings>>;
  testSmtp(to?: string): Promise<ActionResult<SmtpTest>>;
  loadNetwork(): Promise<void>;
  startTunnel(): Promise<ActionResult<NetworkInfo>>;
  stopTunnel(): Promise<ActionResult<NetworkInfo>>;
  loadBackups(): Promise<void>;
  createBackup(): Promise<ActionResult<Backup>>;
  restoreBackup(name: string): Promise<ActionResult<OperationOutput<'backups.restore'>>>;
}

/** The organizer's settings, mail server, network and backups. */
export const useSettings = create<SettingsState>()((set, get) => ({
  settings: null,
  smtp: null,
  network: null,
  backups: null,
  info: null,
  error: null,
  isDesktop: () => transportKind() === 'ipc',
  async load() {
    const result = await call('settings.get', {});
    if (result.ok) set({ settings: result.value, error: null });
    else set({ error: result.error.message });
  },
  async loadAll() {
    const smtp = call('smtp.get', {});
    const info = call('app.info', {});
    await Promise.all([get().load(), get().loadNetwork(), get().loadBackups()]);
    const [smtpResult, infoResult] = await Promise.all([smtp, info]);
    if (smtpResult.ok) set({ smtp: smtpResult.value });
    if (infoResult.ok) set({ info: infoResult.value });
  },
  async update(patch) {
    const result = await attempt('settings.update', patch, { fields: SETTINGS_FIELDS });
    if (result.ok) set({ settings: result.value });
    return result;
  },
  async saveSmtp(input) {
    const result = await attempt('smtp.set', input, { fields: SMTP_FIELDS });
    if (result.ok) set({ smtp: result.value });
    return result;
  },
  testSmtp(to) {
    return attempt('smtp.test', to ? { to } : {}, { fields: ['to'] });
  },
  async loadNetwork() {
    const result = await call('network.info', {});
    if (result.ok) set({ network: result.value });
  },
  async startTunnel() {
    const result = await attempt('network.startTunnel', {});
    if (result.ok) set({ network: result.value });
    return result;
  },
  async stopTunnel() {
    const result = await attempt('network.stopTunnel', {});
    if (result.ok) set({ network: result.value });
    return result;
  },
  async loadBackups() {
    const result = await call('backups.list', {});
    if (result.ok) set({ backups: result.value });
  },
  async createBackup() {
    const result = await attempt('backups.create', {});
    if (result.ok) await get().loadBackups();
    return result;
  },
  restoreBackup(name) {
    return attempt('backups.restore', { name, confirm: true });
  },
}));
