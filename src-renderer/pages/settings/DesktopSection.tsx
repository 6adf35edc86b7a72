import { Checkbox } from '../../components/Fields';
import { useSettings, type Settings } from '../../stores/settings';

/** Desktop app only: start with the computer, and which notifications to show. */
export function DesktopSection({ settings }: { settings: Settings }) {
  const update = useSettings.getState().update;
  return (
    <div className="stack stack--tight">
      <Checkbox
        label="Start Sneaky Klaus when I log in"
        hint="so links keep working and reminders go out on time"
        checked={settings.launchAtLogin}
        onChange={(launchAtLogin) => void update({ launchAtLogin })}
      />
      <Checkbox label="Notify me of new sign-ups" checked={settings.notifications.registrations} onChange={(registrations) => void update({ notifications: { registrations } })} />
      <Checkbox label="Notify me when names are drawn" checked={settings.notifications.draws} onChange={(draws) => void update({ notifications: { draws } })} />
      <Checkbox label="Notify me when emails cannot be delivered" checked={settings.notifications.failures} onChange={(failures) => void update({ notifications: { failures } })} />
    </div>
  );
}
