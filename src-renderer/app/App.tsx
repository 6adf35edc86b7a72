import { useEffect, useState } from 'react';
import { useT } from '../lib/i18n';
import { MailNotices } from '../components/MailNotices';
import { Notice } from '../components/Notice';
import { RunningWork } from '../components/WorkProgress';
import { ExchangePage } from '../pages/ExchangePage';
import { ExchangesPage } from '../pages/ExchangesPage';
import { JobsPage } from '../pages/JobsPage';
import { NewExchangePage } from '../pages/NewExchangePage';
import { OutboxPage } from '../pages/OutboxPage';
import { SettingsPage } from '../pages/SettingsPage';
import { SetupPage } from '../pages/SetupPage';
import type { Route } from '../lib/route';
import { setupNeeded } from '../lib/setup';
import { useConnection } from '../stores/connection';
import { useExchanges } from '../stores/exchanges';
import { useOutbox } from '../stores/outbox';
import { useSettings } from '../stores/settings';
import { ConnectionScreen } from './ConnectionScreen';
import { listenToEvents } from './events';
import { Nav } from './Nav';
import { useRoute } from './use-route';
import './shell.css';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'exchanges':
      return <ExchangesPage />;
    case 'new-exchange':
      return <NewExchangePage />;
    case 'exchange':
      return <ExchangePage exchangeId={route.exchangeId} tab={route.tab} />;
    case 'outbox':
      return <OutboxPage />;
    case 'jobs':
      return <JobsPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

/** The shell: connection check, first-run setup, then navigation and the current screen. */
export function App() {
  const { t } = useT();
  const route = useRoute();
  const problem = useConnection((s) => s.problem);
  const passwordSession = useConnection((s) => s.passwordSession);
  const settings = useSettings((s) => s.settings);
  const settingsError = useSettings((s) => s.error);
  const failed = useOutbox((s) => s.status?.counts.failed ?? 0);
  const exchanges = useExchanges((s) => s.list);
  const exchangesError = useExchanges((s) => s.error);
  // Decided once, when both are known: saving the organizer in the wizard's first step must not
  // end the wizard, and finishing it (setupComplete) does.
  const [wizard, setWizard] = useState<boolean | null>(null);
  const exchangeCount = exchanges?.length ?? (exchangesError ? 0 : null);
  useEffect(() => {
    if (wizard === null && settings && exchangeCount !== null) setWizard(setupNeeded(settings, exchangeCount));
  }, [wizard, settings, exchangeCount]);

  useEffect(() => {
    void useSettings.getState().load();
    void useExchanges.getState().load();
    void useOutbox.getState().load();
    return listenToEvents();
  }, []);

  if (problem === 'unauthorized') return <ConnectionScreen />;
  if (!settings || wizard === null) {
    return (
      <main className="center-screen">
        <div className="stack center-screen__card">
          <h1>Sneaky Klaus</h1>
          {settingsError || problem === 'unavailable' ? (
            <Notice tone="error">{settingsError ?? t('admin.app.notAnswering')}</Notice>
          ) : (
            <p className="muted">{t('admin.app.loading')}</p>
          )}
        </div>
      </main>
    );
  }
  if (wizard && !settings.setupComplete) return <SetupPage />;

  return (
    <div className="shell">
      <a className="skip" href="#main">
        {t('admin.app.skip')}
      </a>
      <Nav route={route} failedEmails={failed} version={null} onSignOut={passwordSession ? () => void useConnection.getState().signOut() : undefined} />
      <main className="main" id="main">
        {problem === 'unavailable' && <Notice tone="error">{t('admin.app.offline')}</Notice>}
        <MailNotices />
        <RunningWork />
        <Page route={route} />
      </main>
    </div>
  );
}
