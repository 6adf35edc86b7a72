import { useEffect, useId, useState } from 'react';
import { Card } from '../components/Card';
import { OrganizerForm, type OrganizerValues } from '../components/OrganizerForm';
import { Notice } from '../components/Notice';
import '../components/draw.css';
import '../components/setup.css';
import { defaultTimeZone } from '../lib/exchange-checks';
import type { MessageKey } from '@i18n';
import { useT } from '../lib/i18n';
import { NO_ERRORS, type FormErrors } from '../lib/issues';
import { useSettings } from '../stores/settings';
import { LanguageSection } from './settings/LanguageSection';
import { MailSection } from './settings/MailSection';
import { NetworkSection } from './settings/NetworkSection';

const STEPS: readonly MessageKey[] = ['admin.setup.stepYou', 'admin.setup.stepMail', 'admin.setup.stepAddress'];

/** First run: who you are, how mail is sent (now or later), how participants reach this computer. */
export function SetupPage() {
  const { t } = useT();
  const settings = useSettings((s) => s.settings);
  const [step, setStep] = useState(0);
  const [mailNow, setMailNow] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [finishError, setFinishError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void useSettings.getState().loadAll();
  }, []);
  if (!settings) return null;

  const saveOrganizer = async (values: OrganizerValues) => {
    setBusy(true);
    const result = await useSettings.getState().update({ organizer: { name: values.name, email: values.email }, timezone: values.timezone });
    setBusy(false);
    setErrors(result.ok ? NO_ERRORS : result.errors);
    if (result.ok) setStep(1);
  };
  const finish = async () => {
    setBusy(true);
    const result = await useSettings.getState().update({ setupComplete: true });
    setBusy(false);
    if (!result.ok) setFinishError(result.error.message);
  };

  return (
    <main className="setup">
      <div className="setup__brand">
        <span className="setup__logo" aria-hidden="true">
          ❄
        </span>
        <h1>{t('admin.setup.welcome')}</h1>
      </div>
      <p className="muted">{t('admin.setup.intro')}</p>
      <ol className="steps" aria-label={t('admin.setup.steps')}>
        {STEPS.map((label, index) => (
          <li key={label} aria-current={index === step ? 'step' : undefined} className={index < step ? 'is-done' : undefined}>
            {t(label)}
          </li>
        ))}
      </ol>
      {step === 0 && (
        <Card title={t('admin.setup.stepYou')} intro={t('admin.setup.youIntro')}>
          <div className="stack">
            <LanguageSection settings={settings} />
            <OrganizerForm
              initial={{ name: settings.organizer?.name ?? '', email: settings.organizer?.email ?? '', timezone: defaultTimeZone(settings.timezone) }}
              errors={errors}
              busy={busy}
              submitLabel={t('admin.setup.continue')}
              onSubmit={(v) => void saveOrganizer(v)}
            />
          </div>
        </Card>
      )}
      {step === 1 && (
        <Card title={t('admin.setup.stepMail')} intro={t('admin.setup.mailIntro')}>
          <div className="stack">
            <fieldset className="choice">
              <legend>{t('admin.setup.mailQuestion')}</legend>
              <ChoiceOption name="mail" checked={mailNow} onChange={() => setMailNow(true)} label={t('admin.setup.mailNow')} hint={t('admin.setup.mailNowHint')} />
              <ChoiceOption name="mail" checked={!mailNow} onChange={() => setMailNow(false)} label={t('admin.setup.mailLater')} hint={t('admin.setup.mailLaterHint')} />
            </fieldset>
            {mailNow && <MailSection />}
            <StepButtons onBack={() => setStep(0)} onNext={() => setStep(2)} />
          </div>
        </Card>
      )}
      {step === 2 && (
        <Card title={t('admin.setup.stepAddress')} intro={t('admin.setup.addressIntro')}>
          <div className="stack">
            <NetworkSection />
            {finishError && <Notice tone="error">{finishError}</Notice>}
            <StepButtons onBack={() => setStep(1)} onNext={() => void finish()} nextLabel={t('admin.setup.finish')} busy={busy} />
          </div>
        </Card>
      )}
    </main>
  );
}

function ChoiceOption(props: { name: string; checked: boolean; label: string; hint: string; onChange(): void }) {
  // Not from the label: it changes with the language, and non-Latin words would all become "-".
  const id = `${props.name}-${useId().replace(/\W+/g, '')}`;
  return (
    <div className={`mode ${props.checked ? 'mode--on' : ''}`}>
      <input id={id} type="radio" name={props.name} checked={props.checked} onChange={props.onChange} aria-describedby={`${id}-hint`} />
      <label htmlFor={id}>
        <span className="mode__label">{props.label}</span>
        <span className="mode__hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      </label>
    </div>
  );
}

function StepButtons(props: { onBack(): void; onNext(): void; nextLabel?: string; busy?: boolean }) {
  const { t } = useT();
  return (
    <div className="row row--between">
      <button type="button" className="btn" onClick={props.onBack}>
        {t('admin.setup.back')}
      </button>
      <button type="button" className="btn btn--primary" disabled={props.busy} onClick={props.onNext}>
        {props.nextLabel ?? t('admin.setup.continue')}
      </button>
    </div>
  );
}
