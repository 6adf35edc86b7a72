import { useEffect } from 'react';
import { PasswordSignIn } from '../components/PasswordSignIn';
import { useConnection } from '../stores/connection';
import './shell.css';

/** Full screen: the page has no (or a refused) admin secret and no password session. */
export function ConnectionScreen() {
  const { passwordLogin, signingIn, signInError } = useConnection();
  useEffect(() => {
    void useConnection.getState().checkPasswordLogin();
  }, []);

  if (passwordLogin) {
    return (
      <main className="center-screen">
        <div className="card center-screen__card stack">
          <h1>Sign in to Sneaky Klaus</h1>
          <p>Enter the organizer password (the one set in SNEAKY_KLAUS_ADMIN_PASSWORD where Sneaky Klaus runs).</p>
          <PasswordSignIn busy={signingIn} error={signInError} onSubmit={(password) => void useConnection.getState().signIn(password)} />
        </div>
      </main>
    );
  }
  return (
    <main className="center-screen">
      <div className="card center-screen__card stack">
        <h1>
          Open the address printed by <code>npm run serve</code>
        </h1>
        <p>
          This page needs the private address that Sneaky Klaus printed when it started, the one ending in <code>#secret=…</code>. Once opened, this browser remembers it, and it
          stays the same when Sneaky Klaus restarts, unless it was started with <code>--new-admin-secret</code>: then copy the new address from the terminal.
        </p>
      </div>
    </main>
  );
}
