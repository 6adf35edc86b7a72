import { Checkbox } from '../../components/Fields';
import { useT } from '../../lib/i18n';
import { useSettings, type Settings } from '../../stores/settings';

/** Desktop app only: start with the computer, and which notifications to show. */
export function DesktopSection({ settings }: { settings: Settings }) {
  const { t } = useT();
  const update = useSettings.getState().update;
  return (
    <div className="stack stack--tight">
      <Checkbox
        label={t('admin.desktop.launch')}
        hint={t('admin.desktop.launchHint')}
        checked={settings.launchAtLogin}
        onChange={(launchAtLogin) => void update({ launchAtLogin })}
      />
      <Checkbox
        label={t('admin.desktop.registrations')}
        checked={settings.notifications.registrations}
        onChange={(registrations) => void update({ notifications: { registrations } })}
      />
      <Checkbox label={t('admin.desktop.draws')} checked={settings.notifications.draws} onChange={(draws) => void update({ notifications: { draws } })} />
      <Checkbox label={t('admin.desktop.failures')} checked={settings.notifications.failures} onChange={(failures) => void update({ notifications: { failures } })} />
    </div>
  );
}
