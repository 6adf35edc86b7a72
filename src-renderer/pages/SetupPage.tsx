import { useEffect, useState } from 'react';
import { Card } from '../components/Card';
import { OrganizerForm, type OrganizerValues } from '../components/OrganizerForm';
import { Notice } from '../components/Notice';
import '../components/draw.css';
import '../components/setup.css';
import { defaultTimeZone } from '../lib/exchange-checks';
import { NO_ERRORS, type FormErrors } from '../lib/issues';
import { useSettings } from '../stores/settings';
import { MailSection } from './settings/MailSection';
import { NetworkSection } from './settings/NetworkSection';

const STEPS = ['About you', 'Email', 'Participants’ address'] as const;

/** First run: who you are, how mail is sent (now or later), how participants reach this computer. */
export function SetupPage() {
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
        <h1>Welcome to Sneaky Klaus</h1>
      </div>
      <p className="muted">Secret Santa, run from your own computer. Three short steps and you are ready; you can change all of this later in Settings.</p>
      <ol className="steps" aria-label="Setup steps">
        {STEPS.map((label, index) => (
          <li key={label} aria-current={index === step ? 'step' : undefined} className={index < step ? 'is-done' : undefined}>
            {label}
          </li>
        ))}
      </ol>
      {step === 0 && (
        <Card title="About you" intro="Your name and email appear in the emails participants get, and notices about sign-ups come to you.">
          <OrganizerForm
            initial={{ name: settings.organizer?.name ?? '', email: settings.organizer?.email ?? '', timezone: defaultTimeZone(settings.timezone) }}
            errors={errors}
            busy={busy}
            submitLabel="Continue"
            onSubmit={(v) => void saveOrganizer(v)}
          />
        </Card>
      )}
      {step === 1 && (
        <Card title="Email" intro="Sneaky Klaus sends email through your own mail account.">
          <div className="stack">
            <fieldset className="choice">
              <legend>Set up email now?</legend>
              <ChoiceOption name="mail" checked={mailNow} onChange={() => setMailNow(true)} label="Set up email now" hint="Choose your provider and send a test email." />
              <ChoiceOption
                name="mail"
                checked={!mailNow}
                onChange={() => setMailNow(false)}
                label="Later"
                hint="Emails wait in the outbox as previews, and you can copy their links into a chat. Nothing is lost."
              />
            </fieldset>
            {mailNow && <MailSection />}
            <StepButtons onBack={() => setStep(0)} onNext={() => setStep(2)} />
          </div>
        </Card>
      )}
      {step === 2 && (
        <Card
          title="Participants’ address"
          intro="Participants open links to pages served by this computer. On your home network that works as it is; for people elsewhere, add a tunnel."
        >
          <div className="stack">
            <NetworkSection />
            {finishError && <Notice tone="error">{finishError}</Notice>}
            <StepButtons onBack={() => setStep(1)} onNext={() => void finish()} nextLabel="Finish setup" busy={busy} />
          </div>
        </Card>
      )}
    </main>
  );
}

function ChoiceOption(props: { name: string; checked: boolean; label: string; hint: string; onChange(): void }) {
  const id = `${props.name}-${props.label.replace(/\W+/g, '-').toLowerCase()}`;
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
  return (
    <div className="row row--between">
      <button type="button" className="btn" onClick={props.onBack}>
        Back
      </button>
      <button type="button" className="btn btn--primary" disabled={props.busy} onClick={props.onNext}>
        {props.nextLabel ?? 'Continue'}
      </button>
    </div>
  );
}
