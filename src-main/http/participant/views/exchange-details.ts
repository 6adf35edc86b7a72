import { formatDateTime, formatMoney, isoDateTime, plural, type Money } from './format';
import { html, type SafeHtml } from './html';
import { renderUserText } from './gift-ideas';

/** What participant pages show about an exchange. All instants are UTC epoch ms. */
export interface ExchangeView {
  name: string;
  /** Free text from the organizer; may be empty. */
  description: string;
  exchangeAt: number;
  /** IANA zone every date on the page is shown in. */
  timezone: string;
  location: string | null;
  budget: Money | null;
  registrationDeadlineAt: number | null;
  /** Null when there is no maximum number of participants. */
  spotsLeft: number | null;
}

export function timeTag(at: number, timezone: string): SafeHtml {
  return html`<time datetime="${isoDateTime(at, timezone)}">${formatDateTime(at, timezone)}</time>`;
}

export interface DetailsOptions {
  /** Registration facts matter on the invite page only. */
  showRegistration: boolean;
}

export function exchangeDetails(exchange: ExchangeView, options: DetailsOptions): SafeHtml {
  const rows: SafeHtml[] = [row('When', timeTag(exchange.exchangeAt, exchange.timezone))];
  if (exchange.location && exchange.location.trim() !== '') rows.push(row('Where', html`${exchange.location}`));
  if (exchange.budget) rows.push(row('Budget', html`${formatMoney(exchange.budget)}`));
  if (options.showRegistration && exchange.registrationDeadlineAt !== null) {
    rows.push(row('Register by', timeTag(exchange.registrationDeadlineAt, exchange.timezone)));
  }
  if (options.showRegistration && exchange.spotsLeft !== null) {
    rows.push(row('Places', html`${plural(Math.max(0, exchange.spotsLeft), 'spot')} left`));
  }
  return html`<section class="card details" aria-label="Exchange details">
${renderUserText(exchange.description, 'user-text description')}
<dl class="facts">${rows}</dl>
</section>`;
}

function row(term: string, value: SafeHtml): SafeHtml {
  return html`<div class="fact"><dt>${term}</dt><dd>${value}</dd></div>`;
}
