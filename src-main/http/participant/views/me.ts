import type { OrganizerAccessAction } from '../../../mail/templates';
import type { Locale, MessageKey, Translator } from '../../../i18n';
import { exchangeDetails, type ExchangeView } from './exchange-details';
import { html, type SafeHtml } from './html';
import { FIELD_LIMITS } from './invite';
import { languageSection } from './language';
import { checkboxField, layout, postForm, textField, type Flash } from './layout';
import { deletionNotice, stageCard, SLOT, withdrawSection, withMarkup, type MeStage } from './me-sections';
import { addressSection, gifteeAddressCard, messagesSection, santaRevealCard, type BetweenErrors, type BetweenView } from './between';

export interface MeParticipant {
  name: string;
  email: string;
  giftIdeas: string;
  reminders: boolean;
  /** The language the page is in and emails follow (their own, else the exchange's). */
  locale: Locale;
}

export interface MePageModel {
  exchange: ExchangeView;
  participant: MeParticipant;
  stage: MeStage;
  csrfToken: string;
  now: number;
  /** When the exchange's data is purged, if known (completion + 30 days). */
  deletionAt: number | null;
  /** When the organizer looked behind the curtain (break-glass); shown so it is never silent. */
  organizerAccess?: Array<{ action: OrganizerAccessAction; at: number }>;
  /** One-off message after a POST-redirect, e.g. "Your gift ideas were saved." */
  flash?: Flash | null;
  /** Field errors when re-rendering after a rejected POST. */
  errors?: { giftIdeas?: string; withdraw?: string; language?: string };
  /** The rejected gift-ideas text, so nothing typed is lost. */
  giftIdeasDraft?: string;
  /** Messages, addresses and the Santa reveal (services/between). */
  between?: BetweenView;
  /** A refused message or address, with what was typed. */
  betweenErrors?: BetweenErrors;
}

export function mePage(t: Translator, model: MePageModel): string {
  const { exchange: ex, participant: me, stage } = model;
  const editable = stage.kind === 'waiting' || stage.kind === 'matched';
  const body = html`<p class="eyebrow">${t.t('page.me.hello', { name: me.name })}</p>
<h1>${ex.name}</h1>
${model.between ? santaRevealCard(t, model.between.santas) : null}
${stageCard(t, stage, ex)}
${model.between ? gifteeAddressCard(t, model.between.gifteeAddresses) : null}
${model.between ? messagesSection(t, model.between, model.csrfToken, model.betweenErrors ?? {}, ex.timezone) : null}
${organizerAccessNote(t, model)}
${exchangeDetails(t, ex, { showRegistration: false })}
${editable ? ideasSection(t, model) : null}
${model.between ? addressSection(t, model.between, model.csrfToken, model.betweenErrors?.address) : null}
${editable && me.email !== '' ? remindersSection(t, model) : null}
${languageSection(t, model.csrfToken, me.locale, model.errors?.language)}
${withdrawSection(t, stage, model.csrfToken, model.errors?.withdraw)}
<section class="aside" aria-labelledby="account-title">
<h2 id="account-title">${t.t('page.me.account.title')}</h2>
<p>${
    me.email === ''
      ? withMarkup(t.t('page.me.account.signedInNoEmail', { name: SLOT(0) }), [html`<strong>${me.name}</strong>`])
      : withMarkup(t.t('page.me.account.signedIn', { name: SLOT(0), email: SLOT(1) }), [html`<strong>${me.name}</strong>`, html`<span class="address">${me.email}</span>`])
  }</p>
${deletionNotice(t, model.deletionAt, model.now, ex.timezone)}
${postForm('/logout', model.csrfToken, html`<button type="submit" class="button button-secondary">${t.t('page.me.logout')}</button>`, 'inline')}
</section>`;
  return layout(t, { title: t.t('page.me.title'), exchangeName: ex.name, body, flash: model.flash ?? null });
}

const ACCESS: Record<OrganizerAccessAction, MessageKey> = {
  'personal-link': 'page.me.access.personalLink',
  reveal: 'page.me.access.reveal',
  'private-email': 'page.me.access.privateEmail',
  'printed-card': 'page.me.access.printedCard',
};

function organizerAccessNote(t: Translator, model: MePageModel): SafeHtml | null {
  const seen = model.organizerAccess ?? [];
  if (seen.length === 0) return null;
  const items = seen.map((a) => html`<li>${t.t(ACCESS[a.action], { when: t.dateTime(a.at, model.exchange.timezone) })}</li>`);
  return html`<section class="card notice" aria-labelledby="organizer-access-title">
<h2 id="organizer-access-title">${t.t('page.me.access.title')}</h2>
<ul>${items}</ul>
</section>`;
}

function ideasSection(t: Translator, model: MePageModel): SafeHtml {
  return html`<section class="card" aria-labelledby="ideas-title">
<h2 id="ideas-title">${t.t('page.me.ideas.title')}</h2>
${postForm(
  '/me/ideas',
  model.csrfToken,
  html`${textField(t, {
    id: 'gift-ideas',
    name: 'giftIdeas',
    label: t.t('page.me.ideas.label'),
    hint: t.t('page.me.ideas.hint'),
    value: model.giftIdeasDraft ?? model.participant.giftIdeas,
    error: model.errors?.giftIdeas,
    multiline: true,
    showOptional: false,
    maxLength: FIELD_LIMITS.giftIdeas,
  })}
<button type="submit" class="button">${t.t('page.me.ideas.save')}</button>`,
)}
</section>`;
}

function remindersSection(t: Translator, model: MePageModel): SafeHtml {
  // An unticked checkbox sends nothing: the route reads "reminders absent" as "off".
  return html`<section class="card" aria-labelledby="reminders-title">
<h2 id="reminders-title">${t.t('page.me.reminders.title')}</h2>
${postForm(
  '/me/reminders',
  model.csrfToken,
  html`${checkboxField(t, {
    id: 'reminders',
    name: 'reminders',
    label: t.t('page.reminders.label'),
    checked: model.participant.reminders,
  })}
<button type="submit" class="button button-secondary">${t.t('page.me.reminders.save')}</button>`,
)}
</section>`;
}
