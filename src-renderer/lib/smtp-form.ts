import type { OperationInput, OperationOutput } from '@contract';
import type { Translator } from '@i18n';
import { currentT } from './i18n';
import type { FormErrors } from './issues';

type SmtpView = OperationOutput<'smtp.get'>;
type SmtpInput = OperationInput<'smtp.set'>;
export type PresetId = SmtpInput['presetId'];
export type Security = SmtpInput['security'];

export interface SmtpFormValues {
  presetId: PresetId;
  host: string;
  port: string;
  security: Security;
  username: string;
  password: string;
  fromName: string;
  fromAddress: string;
}

const PRESET_IDS: readonly PresetId[] = ['gmail', 'outlook', 'icloud', 'fastmail', 'yahoo', 'custom'];

function presetId(id: string): PresetId {
  return PRESET_IDS.find((p) => p === id) ?? 'custom';
}

function security(value: string): Security {
  return value === 'tls' || value === 'none' ? value : 'starttls';
}

/** The form as stored (never the password: empty means "keep the stored one"). */
export function smtpFormValues(view: SmtpView, organizer: { name: string; email: string } | null): SmtpFormValues {
  if (!view.configured) {
    const gmail = view.presets.find((p) => p.id === 'gmail');
    return {
      presetId: gmail ? 'gmail' : 'custom',
      host: gmail?.host ?? '',
      port: String(gmail?.port ?? 587),
      security: security(gmail?.security ?? 'starttls'),
      username: organizer?.email ?? '',
      password: '',
      fromName: organizer?.name ?? 'Sneaky Klaus',
      fromAddress: organizer?.email ?? '',
    };
  }
  return {
    presetId: presetId(view.presetId),
    host: view.host,
    port: String(view.port),
    security: view.security,
    username: view.username,
    password: '',
    fromName: view.fromName,
    fromAddress: view.fromAddress,
  };
}

/** Choosing a provider fills in its server, port and encryption. */
export function applyPreset(values: SmtpFormValues, view: SmtpView, id: PresetId): SmtpFormValues {
  const preset = view.presets.find((p) => p.id === id);
  if (!preset || id === 'custom') return { ...values, presetId: id };
  return { ...values, presetId: id, host: preset.host, port: String(preset.port), security: security(preset.security) };
}

export function smtpInput(values: SmtpFormValues, t: Translator = currentT()): { ok: true; input: SmtpInput } | { ok: false; errors: FormErrors } {
  const port = Number(values.port);
  if (!Number.isInteger(port)) return { ok: false, errors: { general: t.t('parts.form.checkFields'), fields: { port: t.t('parts.smtp.portNumber') }, summary: true } };
  return {
    ok: true,
    input: {
      presetId: values.presetId,
      host: values.host.trim(),
      port,
      security: values.security,
      username: values.username.trim(),
      ...(values.password !== '' && { password: values.password }),
      fromName: values.fromName.trim(),
      fromAddress: values.fromAddress.trim(),
    },
  };
}
