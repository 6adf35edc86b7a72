/** The admin UI's screens, addressed by the URL fragment (works from a file, over IPC and HTTP). */
export type Route =
  { page: 'exchanges' } | { page: 'new-exchange' } | { page: 'exchange'; exchangeId: number; tab: ExchangeTab } | { page: 'outbox' } | { page: 'jobs' } | { page: 'settings' };

export const EXCHANGE_TABS = ['overview', 'participants', 'rules', 'draw', 'everyone'] as const;
export type ExchangeTab = (typeof EXCHANGE_TABS)[number];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, second, third] = parts;
  switch (first) {
    case 'outbox':
      return { page: 'outbox' };
    case 'jobs':
      return { page: 'jobs' };
    case 'settings':
      return { page: 'settings' };
    case 'exchanges': {
      if (second === 'new') return { page: 'new-exchange' };
      const id = Number(second);
      if (Number.isInteger(id) && id > 0) {
        const tab = EXCHANGE_TABS.find((t) => t === third) ?? 'overview';
        return { page: 'exchange', exchangeId: id, tab };
      }
      return { page: 'exchanges' };
    }
    default:
      return { page: 'exchanges' };
  }
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'exchanges':
      return '#/exchanges';
    case 'new-exchange':
      return '#/exchanges/new';
    case 'exchange':
      return route.tab === 'overview' ? `#/exchanges/${route.exchangeId}` : `#/exchanges/${route.exchangeId}/${route.tab}`;
    case 'outbox':
      return '#/outbox';
    case 'jobs':
      return '#/jobs';
    case 'settings':
      return '#/settings';
  }
}
