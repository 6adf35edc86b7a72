import { BETWEEN_LIMITS } from '../../../contract/values';
import type { MessageKey, Translator } from '../../../i18n';
import { html, type SafeHtml } from './html';
import { checkboxField, postForm, textField } from './layout';
import { SLOT, withMarkup } from './me-sections';

/** Messages after a POST-redirect back to /me (merged into the page's own), worded in the page's language. */
export const BETWEEN_FLASHES: Record<string, { kind: 'success' | 'error'; key: MessageKey }> = {
  message: { kind: 'success', key: 'page.flash.message' },
  address: { kind: 'success', key: 'page.flash.address' },
  'address-removed': { kind: 'success', key: 'page.flash.addressRemoved' },
};

/** One thread as the page shows it (services/between/messages Thread). */
export interface ThreadView {
  side: 'giftee' | 'santa';
  ref: string;
  giftee: string | null;
  ended: 'pair-changed' | 'exchange-over' | null;
  messages: Array<{ mine: boolean; body: string; at: number }>;
}

export interface BetweenView {
  threads: ThreadView[];
  ownAddress: { address: string; inMatchEmail: boolean } | null;
  addressEditable: boolean;
  gifteeAddresses: Array<{ name: string; address: string }>;
  santas: string[] | null;
}

export interface BetweenErrors {
  /** The thread whose message was refused, with why and what was typed. */
  message?: { ref: string; error: string; draft: string };
  address?: { error: string; draft: string };
}

/** "Your Santa was …", once the exchange's reveal setting allows it. */
export function santaRevealCard(t: Translator, santas: string[] | null): SafeHtml | null {
  if (!santas) return null;
  return html`<section class="card card-notice reveal" aria-labelledby="reveal-title">
<h2 id="reveal-title"><span class="giftee-intro">${t.t('page.reveal.intro', { count: santas.length })}</span> <span class="giftee-name">${t.list(santas)}</span></h2>
<p>${t.t('page.reveal.text')}</p>
</section>`;
}

/** Where to send the gift: shown only to the giftee's Santa. */
export function gifteeAddressCard(t: Translator, addresses: BetweenView['gifteeAddresses']): SafeHtml | null {
  if (addresses.length === 0) return null;
  return html`<section class="card" aria-labelledby="giftee-address-title">
<h2 id="giftee-address-title">${t.t('page.address.gifteeTitle')}</h2>
${addresses.map((a) => html`<p>${withMarkup(t.t('page.address.gifteeGave', { name: SLOT(0) }), [html`<strong>${a.name}</strong>`])}</p><p class="user-text postal">${a.address}</p>`)}
</section>`;
}

/** The threads with one's giftee (signed "your Secret Santa") and with one's Santa (signed by name). */
export function messagesSection(t: Translator, view: BetweenView, csrfToken: string, errors: BetweenErrors, timezone: string): SafeHtml | null {
  if (view.threads.length === 0) return null;
  return html`<section class="card messages" id="messages" aria-labelledby="messages-title">
<h2 id="messages-title">${t.t('page.messages.title')}</h2>
<p class="hint">${t.t('page.messages.hint')}</p>
${view.threads.map((th, i) => thread(t, th, i, csrfToken, errors.message?.ref === th.ref && th.ended === null ? errors.message : undefined, timezone))}
</section>`;
}

function thread(t: Translator, th: ThreadView, index: number, csrfToken: string, error: BetweenErrors['message'], timezone: string): SafeHtml {
  const toGiftee = th.side === 'giftee';
  const giftee = th.giftee ?? '';
  const title = toGiftee ? t.t('page.messages.askGiftee', { name: giftee }) : t.t('page.messages.writeSanta');
  const them = toGiftee ? giftee : t.t('page.messages.yourSanta');
  const intro = toGiftee ? t.t('page.messages.gifteeIntro', { name: giftee }) : t.t('page.messages.santaIntro');
  const id = `thread-${index}`;
  return html`<div class="thread${th.ended ? ' thread-ended' : ''}" aria-labelledby="${id}-title">
<h3 id="${id}-title">${title}</h3>
${
  th.ended === 'pair-changed'
    ? html`<p class="warning">${toGiftee ? t.t('page.messages.endedGiftee', { name: giftee }) : t.t('page.messages.endedSanta')}</p>`
    : th.ended === 'exchange-over'
      ? html`<p class="hint">${t.t('page.messages.endedOver')}</p>`
      : html`<p class="hint">${intro}</p>`
}
${
  th.messages.length === 0
    ? html`<p class="muted">${t.t('page.messages.none')}</p>`
    : html`<ol class="thread-messages">${th.messages.map(
        (m) => html`<li class="message ${m.mine ? 'message-mine' : 'message-theirs'}">
<p class="message-meta"><strong>${m.mine ? t.t('page.messages.you') : them}</strong> · <time>${t.dateTime(m.at, timezone)}</time></p>
<p class="user-text message-body">${m.body}</p>
</li>`,
      )}</ol>`
}
${
  th.ended
    ? null
    : postForm(
        '/me/messages',
        csrfToken,
        html`<input type="hidden" name="thread" value="${th.ref}">
${textField(t, {
  id: `${id}-body`,
  name: 'body',
  label: toGiftee ? t.t('page.messages.toGiftee', { name: giftee }) : t.t('page.messages.toSanta'),
  value: error?.draft ?? '',
  error: error?.error,
  multiline: true,
  showOptional: false,
  maxLength: BETWEEN_LIMITS.message,
})}
<button type="submit" class="button button-secondary">${t.t('page.messages.send')}</button>`,
      )
}
</div>`;
}

/** The participant's own postal address: optional, for their Santa only. */
export function addressSection(t: Translator, view: BetweenView, csrfToken: string, error: BetweenErrors['address']): SafeHtml | null {
  if (!view.addressEditable) return null;
  const own = view.ownAddress;
  return html`<section class="card" id="address" aria-labelledby="address-title">
<h2 id="address-title">${t.t('page.address.title')}</h2>
<p>${t.t('page.address.who')}</p>
${postForm(
  '/me/address',
  csrfToken,
  html`${textField(t, {
    id: 'postal-address',
    name: 'address',
    label: t.t('page.address.label'),
    hint: t.t('page.address.hint'),
    value: error?.draft ?? own?.address ?? '',
    error: error?.error,
    multiline: true,
    maxLength: BETWEEN_LIMITS.address,
  })}
${checkboxField(t, {
  id: 'address-in-email',
  name: 'inMatchEmail',
  label: t.t('page.address.inEmail'),
  hint: t.t('page.address.inEmailHint'),
  checked: own?.inMatchEmail ?? false,
})}
<button type="submit" class="button button-secondary">${t.t('page.address.save')}</button>`,
)}
</section>`;
}
