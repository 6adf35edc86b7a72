import { useEffect, useState } from 'react';
import { Card } from '../components/Card';
import { OrganizerForm, type OrganizerValues } from '../components/OrganizerForm';
import { PageHead } from '../components/PageHead';
import { NO_ERRORS, type FormErrors } from '../lib/issues';
import { useSettings } from '../stores/settings';
import { BackupsSection } from './settings/BackupsSection';
import { DefaultsSection } from './settings/DefaultsSection';
import { DesktopSection } from './settings/DesktopSection';
import { MailSection } from './settings/MailSection';
import { NetworkSection } from './settings/NetworkSection';
import { NoticesSection } from './settings/NoticesSection';

/** Everything set once: the organizer, mail, network, defaults, backups, and desktop options. */
export function SettingsPage() {
  const settings = useSettings((s) => s.settings);
  const info = useSettings((s) => s.info);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void useSettings.getState().loadAll();
  }, []);
  if (!settings) return <PageHead title="Settings" />;

  const saveOrganizer = async (values: OrganizerValues) => {
    setSaved(false);
    const result = await useSettings.getState().update({ organizer: { name: values.name, email: values.email }, timezone: values.timezone });
    setErrors(result.ok ? NO_ERRORS : result.errors);
    setSaved(result.ok);
  };

  return (
    <>
      <PageHead title="Settings" sub="Set once, used by every exchange." />
      <div className="stack">
        <Card title="You" intro="The organizer of the exchanges.">
          <OrganizerForm
            initial={{ name: settings.organizer?.name ?? '', email: settings.organizer?.email ?? '', timezone: settings.timezone }}
            errors={errors}
            saved={saved}
            submitLabel="Save"
            onSubmit={(v) => void saveOrganizer(v)}
          />
        </Card>
        <Card title="Emails to you" intro="Sneaky Klaus tells you when people sign up, when names are drawn, and when an email cannot be delivered.">
          <NoticesSection settings={settings} />
        </Card>
        <Card title="Email" intro="The mail account that sends invitations, matches and reminders. Until it is set up, emails wait in the outbox as previews.">
          <MailSection />
        </Card>
        <Card title="How participants reach you" intro="Participants' pages are served by this computer.">
          <NetworkSection />
        </Card>
        <Card title="Defaults and data">
          <DefaultsSection settings={settings} />
        </Card>
        <Card title="Backups" intro="Copies of all data in the data folder. Deleted exchanges are removed from backups too.">
          <BackupsSection />
        </Card>
        {info && (
          <Card title="About">
            <dl className="about">
              <dt>Version</dt>
              <dd>{info.version}</dd>
              <dt>Data folder</dt>
              <dd>
                <code>{info.dataDir}</code>
              </dd>
            </dl>
          </Card>
        )}
        {useSettings.getState().isDesktop() && (
          <Card title="Desktop app">
            <DesktopSection settings={settings} />
          </Card>
        )}
      </div>
    </>
  );
}
