import { useEffect } from 'react';
import { FormattedMessage } from 'react-intl';
import { PasswordSignIn } from '../components/PasswordSignIn';
import { useT } from '../lib/i18n';
import { useConnection } from '../stores/connection';
import './shell.css';

const code = (chunks: React.ReactNode[]) => <code>{chunks}</code>;

/** Full screen: the page has no (or a refused) admin secret and no password session. */
export function ConnectionScreen() {
  const { t } = useT();
  const { passwordLogin, signingIn, signInError } = useConnection();
  useEffect(() => {
    void useConnection.getState().checkPasswordLogin();
  }, []);

  if (passwordLogin) {
    return (
      <main className="center-screen">
        <div className="card center-screen__card stack">
          <h1>{t('admin.connection.signInTitle')}</h1>
          <p>{t('admin.connection.signInText', { variable: 'SNEAKY_KLAUS_ADMIN_PASSWORD' })}</p>
          <PasswordSignIn busy={signingIn} error={signInError} onSubmit={(password) => void useConnection.getState().signIn(password)} />
        </div>
      </main>
    );
  }
  return (
    <main className="center-screen">
      <div className="card center-screen__card stack">
        <h1>
          <FormattedMessage id="admin.connection.openTitle" values={{ command: 'npm run serve', code }} />
        </h1>
        <p>
          <FormattedMessage id="admin.connection.openText" values={{ ending: '#secret=…', option: '--new-admin-secret', code }} />
        </p>
      </div>
    </main>
  );
}
