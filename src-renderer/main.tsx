import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/client';
import { App } from './app/App';
import { I18nProvider } from './lib/i18n';
import './app/app.css';

connect();
// Pasting the printed address into an open tab changes only the fragment (no page load): take
// the new secret and start over with it.
window.addEventListener('hashchange', () => {
  if (!/(^#|&)secret=/.test(window.location.hash)) return;
  connect();
  window.location.reload();
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <App />
      </I18nProvider>
    </StrictMode>,
  );
}
