import { useEffect, useState } from 'react';
import { Card } from '../components/Card';
import { OrganizerForm, type OrganizerValues } from '../components/OrganizerForm';
import { PageHead } from '../components/PageHead';
import { useT } from '../lib/i18n';
import { NO_ERRORS, type FormErrors } from '../lib/issues';
import { useSettings } from '../stores/settings';
import { BackupsSection } from './settings/BackupsSection';
import { DefaultsSection } from './settings/DefaultsSection';
import { DesktopSection } from './settings/DesktopSection';
import { LanguageSection } from './settings/LanguageSection';
import { MailSection } from './settings/MailSection';
import { NetworkSection } from './settings/NetworkSection';
import { NoticesSection } from './settings/NoticesSection';

/** Everything set once: the organizer, mail, network, defaults, backups, and desktop options. */
export function SettingsPage() {
  const { t } = useT();
  const settings = useSettings((s) => s.settings);
  const info = useSettings((s) => s.info);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void useSettings.getState().loadAll();
  }, []);
  if (!settings) return <PageHead title={t('admin.settings.title')} />;

  const saveOrganizer = async (values: OrganizerValues) => {
    setSaved(false);
    const result = await useSettings.getState().update({ organizer: { name: values.name, email: values.email }, timezone: values.timezone });
    setErrors(result.ok ? NO_ERRORS : result.errors);
    setSaved(result.ok);
  };

  return (
    <>
      <PageHead title={t('admin.settings.title')} sub={t('admin.settings.sub')} />
      <div className="stack">
        <Card title={t('admin.settings.languageCard')}>
          <LanguageSection settings={settings} />
        </Card>
        <Card title={t('admin.settings.you')} intro={t('admin.settings.youIntro')}>
          <OrganizerForm
            initial={{ name: settings.organizer?.name ?? '', email: settings.organizer?.email ?? '', timezone: settings.timezone }}
            errors={errors}
            saved={saved}
            submitLabel={t('admin.common.save')}
            onSubmit={(v) => void saveOrganizer(v)}
          />
        </Card>
        <Card title={t('admin.settings.notices')} intro={t('admin.settings.noticesIntro')}>
          <NoticesSection settings={settings} />
        </Card>
        <Card title={t('admin.settings.mail')} intro={t('admin.settings.mailIntro')}>
          <MailSection />
        </Card>
        <Card title={t('admin.settings.network')} intro={t('admin.settings.networkIntro')}>
          <NetworkSection />
        </Card>
        <Card title={t('admin.settings.defaults')}>
          <DefaultsSection settings={settings} />
        </Card>
        <Card title={t('admin.settings.backups')} intro={t('admin.settings.backupsIntro')}>
          <BackupsSection />
        </Card>
        {info && (
          <Card title={t('admin.settings.about')}>
            <dl className="about">
              <dt>{t('admin.settings.version')}</dt>
              <dd>{info.version}</dd>
              <dt>{t('admin.settings.dataFolder')}</dt>
              <dd>
                <code>{info.dataDir}</code>
              </dd>
            </dl>
          </Card>
        )}
        {useSettings.getState().isDesktop() && (
          <Card title={t('admin.settings.desktop')}>
            <DesktopSection settings={settings} />
          </Card>
        )}
      </div>
    </>
  );
}
