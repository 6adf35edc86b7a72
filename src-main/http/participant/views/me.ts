import { organizerAccessSentence, type OrganizerAccessAction } from '../../../mail/templates';
import { exchangeDetails, type ExchangeView } from './exchange-details';
import { formatDateTime } from './format';
import { html, type SafeHtml } from './html';
import { FIELD_LIMITS } from './invite';
import { checkboxField, layout, postForm, textField, type Flash } from './layout';
import { deletionNotice, stageCard, withdrawSection, type MeStage } from './me-sections';
import { addressSection, gifteeAddressCard, messagesSection, santaRevealCard, type BetweenErrors, type BetweenView } from './between';

export interface MeParticipant {
  name: string;
  email: string;
  giftIdeas: string;
  reminders: boolean;
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
  errors?: { giftIdeas?: string; withdraw?: string };
  /** The rejected gift-ideas text, so nothing typed is lost. */
  giftIdeasDraft?: string;
  /** Messages, addresses and the Santa reveal (services/between). */
  between?: BetweenView;
  /** A refused message or address, with what was typed. */
  betweenErrors?: BetweenErrors;
}

export function mePage(model: MePageModel): string {
  const { exchange: ex, participant: me, stage } = model;
  const editable = stage.kind === 'waiting' || stage.kind === 'matched';
  const body = html`<p class="eyebrow">Hello, ${me.name}</p>
<h1>${ex.name}</h1>
${model.between ? santaRevealCard(model.between.santas) : null}
${stageCard(stage, ex)}
${model.between ? gifteeAddressCard(model.between.gifteeAddresses) : null}
${model.between ? messagesSection(model.between, model.csrfToken, model.betweenErrors ?? {}, ex.timezone) : null}
${organizerAccessNote(model)}
${exchangeDetails(ex, { showRegistration: false })}
${editable ? ideasSection(model) : null}
${model.between ? addressSection(model.between, model.csrfToken, model.betweenErrors?.address) : null}
${editable && me.email !== '' ? remindersSection(model) : null}
${withdrawSection(stage, model.csrfToken, model.errors?.withdraw)}
<section class="aside" aria-labelledby="account-title">
<h2 id="account-title">Your details</h2>
<p>Signed in as <strong>${me.name}</strong> ${me.email === '' ? html`(no email address: keep your card or link to come back here)` : html`(<span class="address">${me.email}</span>)`}.</p>
${deletionNotice(model.deletionAt, model.now, ex.timezone)}
${postForm('/logout', model.csrfToken, html`<button type="submit" class="button button-secondary">Log out</button>`, 'inline')}
</section>`;
  return layout({ title: 'Your page', exchangeName: ex.name, body, flash: model.flash ?? null });
}

function organizerAccessNote(model: MePageModel): SafeHtml | null {
  const seen = model.organizerAccess ?? [];
  if (seen.length === 0) return null;
  const items = seen.map((a) => html`<li>${organizerAccessSentence(a.action, formatDateTime(a.at, model.exchange.timezone))}</li>`);
  return html`<section class="card notice" aria-labelledby="organizer-access-title">
<h2 id="organizer-access-title">The organizer looked</h2>
<ul>${items}</ul>
</section>`;
}

function ideasSection(model: MePageModel): SafeHtml {
  return html`<section class="card" aria-labelledby="ideas-title">
<h2 id="ideas-title">Your gift ideas</h2>
${postForm(
  '/me/ideas',
  model.csrfToken,
  html`${textField({
    id: 'gift-ideas',
    name: 'giftIdeas',
    label: 'Ideas for your Secret Santa',
    hint: 'Whoever draws your name sees these. Links starting with http:// or https:// become clickable.',
    value: model.giftIdeasDraft ?? model.participant.giftIdeas,
    error: model.errors?.giftIdeas,
    multiline: true,
    showOptional: false,
    maxLength: FIELD_LIMITS.giftIdeas,
  })}
<button type="submit" class="button">Save gift ideas</button>`,
)}
</section>`;
}

function remindersSection(model: MePageModel): SafeHtml {
  // An unticked checkbox sends nothing: the route reads "reminders absent" as "off".
  return html`<section class="card" aria-labelledby="reminders-title">
<h2 id="reminders-title">Reminders</h2>
${postForm(
  '/me/reminders',
  model.csrfToken,
  html`${checkboxField({
    id: 'reminders',
    name: 'reminders',
    label: 'Email me reminders before the exchange',
    checked: model.participant.reminders,
  })}
<button type="submit" class="button button-secondary">Save reminder setting</button>`,
)}
</section>`;
}
