import { exchangeDetails, type ExchangeView } from './exchange-details';
import { calendarDaysUntil, relativeDays } from './format';
import { html, type SafeHtml } from './html';
import { buttonLink, checkboxField, errorSummary, layout, loginHref, postForm, textField } from './layout';

/** Advisory input limits (the server validates); exported so routes and views agree. */
import { LIMITS as FIELD_LIMITS } from '../../../contract/common';

export { FIELD_LIMITS };

export interface RegistrationValues {
  name: string;
  email: string;
  giftIdeas: string;
  reminders: boolean;
}

export type RegistrationField = 'name' | 'email' | 'giftIdeas';
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

const FIELD_IDS: Record<RegistrationField, string> = { name: 'name', email: 'email', giftIdeas: 'gift-ideas' };

export function invitePage(model: InvitePageModel): string {
  const values = model.values ?? EMPTY_REGISTRATION;
  const errors = model.errors ?? {};
  const ex = model.exchange;
  const summary = errorSummary(
    (Object.keys(FIELD_IDS) as RegistrationField[]).flatMap((field) => {
      const message = errors[field];
      return message ? [{ fieldId: FIELD_IDS[field], message }] : [];
    }),
  );
  const deadline =
    ex.registrationDeadlineAt === null
      ? null
      : html`<p class="hint">Registration closes ${relativeDays(calendarDaysUntil(model.now, ex.registrationDeadlineAt, ex.timezone))}.</p>`;
  const body = html`<p class="eyebrow">You’re invited to a Secret Santa</p>
<h1>${ex.name}</h1>
${exchangeDetails(ex, { showRegistration: true })}
<section class="card" aria-labelledby="join-title">
<h2 id="join-title">Join the exchange</h2>
${deadline}
${summary}
${postForm(
  `/i/${encodeURIComponent(model.code)}`,
  model.csrfToken,
  html`${textField({
    id: FIELD_IDS.name,
    name: 'name',
    label: 'Your name',
    hint: 'As the others know you. Your Secret Santa sees it.',
    value: values.name,
    error: errors.name,
    autocomplete: 'name',
    required: true,
    maxLength: FIELD_LIMITS.name,
  })}
${textField({
  id: FIELD_IDS.email,
  name: 'email',
  label: 'Your email',
  hint: 'We send your login link and, after the draw, the name you are giving to.',
  type: 'email',
  value: values.email,
  error: errors.email,
  autocomplete: 'email',
  required: true,
  maxLength: FIELD_LIMITS.email,
})}
${textField({
  id: FIELD_IDS.giftIdeas,
  name: 'giftIdeas',
  label: 'Gift ideas',
  hint: 'Things you would like, sizes, links. You can change them later.',
  value: values.giftIdeas,
  error: errors.giftIdeas,
  multiline: true,
  maxLength: FIELD_LIMITS.giftIdeas,
})}
${checkboxField({ id: 'reminders', name: 'reminders', label: 'Email me reminders before the exchange', checked: values.reminders })}
<button type="submit" class="button">Join ${ex.name}</button>`,
)}
</section>
${alreadyRegistered(model.code)}`;
  return layout({ title: 'Join', exchangeName: ex.name, body });
}

function alreadyRegistered(code: string | null): SafeHtml {
  return html`<section class="aside" aria-labelledby="registered-title">
<h2 id="registered-title">Already registered?</h2>
<p>Get a fresh link to your page by email.</p>
<p>${buttonLink(loginHref(code), 'Email me a login link', true)}</p>
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

const STATUS_TEXT: Record<InviteStatusReason, { title: string; text: string }> = {
  'not-open': {
    title: 'Registration hasn’t opened yet',
    text: 'The organizer hasn’t opened registration for this exchange yet. Try this link again later, or ask the organizer when it opens.',
  },
  closed: {
    title: 'Registration is closed',
    text: 'New people can no longer join this exchange. If you would still like to take part, ask the organizer.',
  },
  drawn: {
    title: 'Names have already been drawn',
    text: 'This exchange has started, so nobody new can join. If you would still like to take part, ask the organizer.',
  },
  full: {
    title: 'This exchange is full',
    text: 'All places in this exchange are taken. If you think there should be room for you, ask the organizer.',
  },
  cancelled: {
    title: 'This exchange was cancelled',
    text: 'The organizer has cancelled this exchange. There is nothing more to do here.',
  },
  unknown: {
    title: 'This invite link doesn’t work',
    text: 'Check that you opened the whole link from the invitation, or ask the organizer to send it again.',
  },
};

export function inviteStatusPage(model: InviteStatusModel): string {
  const { title, text } = STATUS_TEXT[model.reason];
  const name = model.reason === 'unknown' ? null : model.exchangeName;
  const code = model.reason === 'unknown' ? null : model.code;
  const body = html`${name ? html`<p class="eyebrow">${name}</p>` : null}
<h1>${title}</h1>
<p class="lead">${text}</p>
${alreadyRegistered(code)}`;
  return layout({ title, exchangeName: name, body });
}
