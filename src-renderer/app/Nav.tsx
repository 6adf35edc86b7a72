import type { MessageKey } from '@i18n';
import { useT } from '../lib/i18n';
import { routeHref, type Route } from '../lib/route';
import './shell.css';

export interface NavProps {
  route: Route;
  failedEmails: number;
  version: string | null;
  /** Shown only after a password sign-in (the secret and the desktop app have nothing to sign out of). */
  onSignOut?: () => void;
}

const ITEMS: Array<{ page: 'exchanges' | 'outbox' | 'jobs' | 'settings'; label: MessageKey }> = [
  { page: 'exchanges', label: 'admin.nav.exchanges' },
  { page: 'outbox', label: 'admin.nav.outbox' },
  { page: 'jobs', label: 'admin.nav.jobs' },
  { page: 'settings', label: 'admin.nav.settings' },
];

function section(route: Route): string {
  return route.page === 'exchange' || route.page === 'new-exchange' ? 'exchanges' : route.page;
}

/** The left navigation: always the same four places. */
export function Nav(props: NavProps) {
  const { t } = useT();
  const current = section(props.route);
  return (
    <nav className="nav" aria-label={t('admin.nav.label')}>
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
              {t(item.label)}
              {item.page === 'outbox' && props.failedEmails > 0 && (
                <span className="nav__count">
                  {props.failedEmails}
                  <span className="visually-hidden"> {t('admin.nav.failed', { count: props.failedEmails })}</span>
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
      {props.onSignOut && (
        <button type="button" className="btn btn--small nav__sign-out" onClick={props.onSignOut}>
          {t('admin.nav.signOut')}
        </button>
      )}
      <p className="nav__foot">{props.version ? t('admin.nav.version', { version: props.version }) : t('admin.nav.local')}</p>
    </nav>
  );
}
