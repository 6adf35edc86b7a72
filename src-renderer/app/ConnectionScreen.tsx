import './shell.css';

/** Full screen: the page was opened without (or with an old) admin secret. */
export function ConnectionScreen() {
  return (
    <main className="center-screen">
      <div className="card center-screen__card stack">
        <h1>
          Open the address printed by <code>npm run serve</code>
        </h1>
        <p>
          This page needs the private address that Sneaky Klaus printed when it started, the one ending in <code>#secret=…</code>. It changes every time Sneaky Klaus starts, so copy it
          again from the terminal.
        </p>
      </div>
    </main>
  );
}
