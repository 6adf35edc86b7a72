import { routeHref, type Route } from '../lib/route';
import './shell.css';

export interface NavProps {
  route: Route;
  failedEmails: number;
  version: string | null;
  /** Shown only after a password sign-in (the secret and the desktop app have nothing to sign out of). */
  onSignOut?: () => void;
}

const ITEMS: Array<{ page: 'exchanges' | 'outbox' | 'jobs' | 'settings'; label: string }> = [
  { page: 'exchanges', label: 'Exchanges' },
  { page: 'outbox', label: 'Outbox' },
  { page: 'jobs', label: 'Jobs' },
  { page: 'settings', label: 'Settings' },
];

function section(route: Route): string {
  return route.page === 'exchange' || route.page === 'new-exchange' ? 'exchanges' : route.page;
}

/** The left navigation: always the same four places. */
export function Nav(props: NavProps) {
  const current = section(props.route);
  return (
    <nav className="nav" aria-label="Main">
      <a className="nav__brand" href="#/exchanges">
        <span className="nav__logo" aria-hidden="true">
          ❄
        </span>
        Sneaky Klaus
      </a>
      <ul className="nav__list">
        {ITEMS.map((item) => (
          <li key={item.page}>
            <a className="nav__link" href={routeHref({ page: item.page })} aria-current={current === item.page ? 'page' : undefined}>
              {item.label}
              {item.page === 'outbox' && props.failedEmails > 0 && (
                <span className="nav__count">
                  {props.failedEmails}
                  <span className="visually-hidden"> failed</span>
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
      {props.onSignOut && (
        <button type="button" className="btn btn--small nav__sign-out" onClick={props.onSignOut}>
          Sign out
        </button>
      )}
      <p className="nav__foot">{props.version ? `Version ${props.version}` : 'Runs on this computer'}</p>
    </nav>
  );
}
