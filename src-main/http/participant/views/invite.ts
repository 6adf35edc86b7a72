import type { Locale, Translator } from '../../../i18n';
import { exchangeDetails, type ExchangeView } from './exchange-details';
import { calendarDaysUntil } from './format';
import { html, type SafeHtml } from './html';
import { languageSelect } from './language';
import { buttonLink, checkboxField, errorSummary, layout, loginHref, postForm, textField } from './layout';

/** Advisory input limits (the server validates); exported so routes and views agree. */
import { LIMITS as FIELD_LIMITS } from '../../../contract/values';

export { FIELD_LIMITS };

export interface RegistrationValues {
  name: string;
  email: string;
  giftIdeas: string;
  reminders: boolean;
  /** The language chosen in the form; absent: the page's own. */
  locale?: Locale;
}

export type RegistrationField = 'name' | 'email' | 'giftIdeas' | 'locale';
export type RegistrationErrors = Partial<Record<RegistrationField, string>>;

export interface InvitePageModel {
  /** The invite code from the URL; the form posts back to /i/:code. */
  code: string;
  exchange: ExchangeView;
  csrfToken: string;
  now: number;
  /** Previous input when re-rendering after an error; empty with reminders on by default. */
  values?: RegistrationValues;
  errors?: RegistrationErrors;
}

export const EMPTY_REGISTRATION: RegistrationValues = { name: '', email: '', giftIdeas: '', reminders: true };

const FIELD_IDS: Record<RegistrationField, string> = { name: 'name', email: 'email', giftIdeas: 'gift-ideas', locale: 'language' };

export function invitePage(t: Translator, model: InvitePageModel): string {
  const values = model.values ?? EMPTY_REGISTRATION;
  const errors = model.errors ?? {};
  const ex = model.exchange;
  const summary = errorSummary(
    t,
    (Object.keys(FIELD_IDS) as RegistrationField[]).flatMap((field) => {
      const message = errors[field];
      return message ? [{ fieldId: FIELD_IDS[field], message }] : [];
    }),
  );
  // Open registration is before its deadline: the count is never below zero.
  const deadline =
    ex.registrationDeadlineAt === null
      ? null
      : html`<p class="hint">${t.t('page.invite.closes', { days: Math.max(0, calendarDaysUntil(model.now, ex.registrationDeadlineAt, ex.timezone)) })}</p>`;
  const body = html`<p class="eyebrow">${t.t('page.invite.eyebrow')}</p>
<h1>${ex.name}</h1>
${exchangeDetails(t, ex, { showRegistration: true })}
<section class="card" aria-labelledby="join-title">
<h2 id="join-title">${t.t('page.invite.joinHeading')}</h2>
${deadline}
${summary}
${postForm(
  `/i/${encodeURIComponent(model.code)}`,
  model.csrfToken,
  html`${textField(t, {
    id: FIELD_IDS.name,
    name: 'name',
    label: t.t('page.field.name.label'),
    hint: t.t('page.invite.nameHint'),
    value: values.name,
    error: errors.name,
    autocomplete: 'name',
    required: true,
    maxLength: FIELD_LIMITS.name,
  })}
${textField(t, {
  id: FIELD_IDS.email,
  name: 'email',
  label: t.t('page.field.email.label'),
  hint: t.t('page.invite.emailHint'),
  type: 'email',
  value: values.email,
  error: errors.email,
  autocomplete: 'email',
  required: true,
  maxLength: FIELD_LIMITS.email,
})}
${textField(t, {
  id: FIELD_IDS.giftIdeas,
  name: 'giftIdeas',
  label: t.t('page.invite.ideasLabel'),
  hint: t.t('page.invite.ideasHint'),
  value: values.giftIdeas,
  error: errors.giftIdeas,
  multiline: true,
  maxLength: FIELD_LIMITS.giftIdeas,
})}
${checkboxField(t, { id: 'reminders', name: 'reminders', label: t.t('page.reminders.label'), checked: values.reminders })}
${languageSelect(t, values.locale ?? t.locale, errors.locale)}
<button type="submit" class="button">${t.t('page.invite.submit', { exchange: ex.name })}</button>`,
)}
</section>
${alreadyRegistered(t, model.code)}`;
  return layout(t, { title: t.t('page.invite.title'), exchangeName: ex.name, body });
}

function alreadyRegistered(t: Translator, code: string | null): SafeHtml {
  return html`<section class="aside" aria-labelledby="registered-title">
<h2 id="registered-title">${t.t('page.invite.registeredHeading')}</h2>
<p>${t.t('page.invite.registeredText')}</p>
<p>${buttonLink(loginHref(code), t.t('page.login.title'), true)}</p>
</section>`;
}

export type InviteStatusReason = 'not-open' | 'closed' | 'drawn' | 'full' | 'cancelled' | 'unknown';

export interface InviteStatusModel {
  reason: InviteStatusReason;
  /** Null for unknown codes: the page must not reveal anything about other exchanges. */
  exchangeName: string | null;
  /** Passed on to the login form; null for unknown codes. */
  code: string | null;
}

const STATUS_TEXT = {
  'not-open': { title: 'page.invite.status.notOpen.title', text: 'page.invite.status.notOpen.text' },
  closed: { title: 'page.invite.status.closed.title', text: 'page.invite.status.closed.text' },
  drawn: { title: 'page.invite.status.drawn.title', text: 'page.invite.status.drawn.text' },
  full: { title: 'page.invite.status.full.title', text: 'page.invite.status.full.text' },
  cancelled: { title: 'page.invite.status.cancelled.title', text: 'page.invite.status.cancelled.text' },
  unknown: { title: 'page.invite.status.unknown.title', text: 'page.invite.status.unknown.text' },
} as const satisfies Record<InviteStatusReason, unknown>;

export function inviteStatusPage(t: Translator, model: InviteStatusModel): string {
  const title = t.t(STATUS_TEXT[model.reason].title);
  const name = model.reason === 'unknown' ? null : model.exchangeName;
  const code = model.reason === 'unknown' ? null : model.code;
  const body = html`${name ? html`<p class="eyebrow">${name}</p>` : null}
<h1>${title}</h1>
<p class="lead">${t.t(STATUS_TEXT[model.reason].text)}</p>
${alreadyRegistered(t, code)}`;
  return layout(t, { title, exchangeName: name, body });
}
