import { useState } from 'react';
import { SmtpForm } from '../../components/SmtpForm';
import { useT } from '../../lib/i18n';
import { NO_ERRORS, type FormErrors } from '../../lib/issues';
import { smtpInput, type SmtpFormValues } from '../../lib/smtp-form';
import { useSettings, type SmtpTest } from '../../stores/settings';

/** The mail server form wired to the settings store (used by Settings and by first-run setup). */
export function MailSection() {
  const { t } = useT();
  const smtp = useSettings((s) => s.smtp);
  const organizer = useSettings((s) => s.settings?.organizer ?? null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [test, setTest] = useState<SmtpTest | null>(null);
  if (!smtp) return <p className="muted">{t('admin.app.loading')}</p>;

  const save = async (values: SmtpFormValues) => {
    setSaved(false);
    const converted = smtpInput(values);
    if (!converted.ok) return setErrors(converted.errors);
    setBusy(true);
    const result = await useSettings.getState().saveSmtp(converted.input);
    setBusy(false);
    setErrors(result.ok ? NO_ERRORS : result.errors);
    setSaved(result.ok);
  };
  const runTest = async (to: string) => {
    setBusy(true);
    setTest(null);
    const result = await useSettings.getState().testSmtp(to.trim() || undefined);
    setBusy(false);
    setTest(result.ok ? result.value : { ok: false, kind: result.error.code, message: result.error.message });
  };

  return <SmtpForm smtp={smtp} organizer={organizer} errors={errors} busy={busy} saved={saved} test={test} onSave={(v) => void save(v)} onTest={(to) => void runTest(to)} />;
}
