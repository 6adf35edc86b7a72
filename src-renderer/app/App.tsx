import { useEffect, useState } from 'react';
import type { OperationOutput } from '@contract';
import { call } from '../api/client';

type Summary = OperationOutput<'exchanges.list'>[number];

/** The first screen: the organizer's exchanges. */
export function App() {
  const [exchanges, setExchanges] = useState<Summary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('exchanges.list', {}).then((result) => {
      if (result.ok) setExchanges(result.value);
      else setError(result.error.message);
    });
  }, []);

  return (
    <main className="app">
      <h1>Sneaky Klaus</h1>
      {error && <p role="alert">{error}</p>}
      {exchanges && exchanges.length === 0 && <p>No exchanges yet.</p>}
      {exchanges && exchanges.length > 0 && (
        <ul>
          {exchanges.map((e) => (
            <li key={e.id}>
              {e.name} · {e.exchangeAt.replace('T', ' ')} · {e.participantCount} people
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
