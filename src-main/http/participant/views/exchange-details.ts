import type { Money, Translator } from '../../../i18n';
import { isoDateTime } from './format';
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

export function timeTag(t: Translator, at: number, timezone: string): SafeHtml {
  return html`<time datetime="${isoDateTime(at, timezone)}">${t.dateTime(at, timezone)}</time>`;
}

export interface DetailsOptions {
  /** Registration facts matter on the invite page only. */
  showRegistration: boolean;
}

export function exchangeDetails(t: Translator, exchange: ExchangeView, options: DetailsOptions): SafeHtml {
  const rows: SafeHtml[] = [row(t.t('page.details.when'), timeTag(t, exchange.exchangeAt, exchange.timezone))];
  if (exchange.location && exchange.location.trim() !== '') rows.push(row(t.t('page.details.where'), html`${exchange.location}`));
  if (exchange.budget) rows.push(row(t.t('page.details.budget'), html`${t.money(exchange.budget)}`));
  if (options.showRegistration && exchange.registrationDeadlineAt !== null) {
    rows.push(row(t.t('page.details.registerBy'), timeTag(t, exchange.registrationDeadlineAt, exchange.timezone)));
  }
  if (options.showRegistration && exchange.spotsLeft !== null) {
    rows.push(row(t.t('page.details.places'), html`${t.t('page.details.spotsLeft', { count: Math.max(0, exchange.spotsLeft) })}`));
  }
  return html`<section class="card details" aria-label="${t.t('page.details.label')}">
${renderUserText(exchange.description, 'user-text description')}
<dl class="facts">${rows}</dl>
</section>`;
}

function row(term: string, value: SafeHtml): SafeHtml {
  return html`<div class="fact"><dt>${term}</dt><dd>${value}</dd></div>`;
}
