import { useEffect } from 'react';
import { Notice } from '../components/Notice';
import { ExchangePage } from '../pages/ExchangePage';
import { ExchangesPage } from '../pages/ExchangesPage';
import { JobsPage } from '../pages/JobsPage';
import { NewExchangePage } from '../pages/NewExchangePage';
import { OutboxPage } from '../pages/OutboxPage';
import { SettingsPage } from '../pages/SettingsPage';
import { SetupPage } from '../pages/SetupPage';
import type { Route } from '../lib/route';
import { useConnection } from '../stores/connection';
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
  const route = useRoute();
  const problem = useConnection((s) => s.problem);
  const settings = useSettings((s) => s.settings);
  const settingsError = useSettings((s) => s.error);
  const failed = useOutbox((s) => s.status?.counts.failed ?? 0);

  useEffect(() => {
    void useSettings.getState().load();
    void useOutbox.getState().load();
    return listenToEvents();
  }, []);

  if (problem === 'unauthorized') return <ConnectionScreen />;
  if (!settings) {
    return (
      <main className="center-screen">
        <div className="stack center-screen__card">
          <h1>Sneaky Klaus</h1>
          {settingsError || problem === 'unavailable' ? <Notice tone="error">{settingsError ?? 'Sneaky Klaus is not answering.'}</Notice> : <p className="muted">Loading…</p>}
        </div>
      </main>
    );
  }
  if (!settings.setupComplete) return <SetupPage />;

  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <Nav route={route} failedEmails={failed} version={null} />
      <main className="main" id="main">
        {problem === 'unavailable' && <Notice tone="error">Sneaky Klaus is not answering. Is it still running? Changes you make now are not saved.</Notice>}
        <Page route={route} />
      </main>
    </div>
  );
}
