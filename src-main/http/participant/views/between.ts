import { BETWEEN_LIMITS } from '../../../contract/between';
import { formatDateTime } from './format';
import { html, type SafeHtml } from './html';
import { checkboxField, postForm, textField, type Flash } from './layout';

/** Messages after a POST-redirect back to /me (merged into the page's own). */
export const BETWEEN_FLASHES: Record<string, Flash> = {
  message: { kind: 'success', message: 'Your message was sent.' },
  address: { kind: 'success', message: 'Your address was saved.' },
  'address-removed': { kind: 'success', message: 'Your address was removed.' },
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
export function santaRevealCard(santas: string[] | null): SafeHtml | null {
  if (!santas) return null;
  const names = santas.join(', ');
  return html`<section class="card card-notice reveal" aria-labelledby="reveal-title">
<h2 id="reveal-title"><span class="giftee-intro">${santas.length > 1 ? 'Your Secret Santas were' : 'Your Secret Santa was'}</span> <span class="giftee-name">${names}</span></h2>
<p>The secret is out. Maybe it is time for a thank-you?</p>
</section>`;
}

/** Where to send the gift: shown only to the giftee's Santa. */
export function gifteeAddressCard(addresses: BetweenView['gifteeAddresses']): SafeHtml | null {
  if (addresses.length === 0) return null;
  return html`<section class="card" aria-labelledby="giftee-address-title">
<h2 id="giftee-address-title">Where to send the gift</h2>
${addresses.map((a) => html`<p><strong>${a.name}</strong> gave this address for their Santa only:</p><p class="user-text postal">${a.address}</p>`)}
</section>`;
}

/** The threads with one's giftee (signed "your Secret Santa") and with one's Santa (signed by name). */
export function messagesSection(view: BetweenView, csrfToken: string, errors: BetweenErrors, timezone: string): SafeHtml | null {
  if (view.threads.length === 0) return null;
  return html`<section class="card messages" id="messages" aria-labelledby="messages-title">
<h2 id="messages-title">Messages</h2>
<p class="hint">Ask your giftee a question without giving yourself away, or write to your Secret Santa. The organizer cannot read these.</p>
${view.threads.map((t, i) => thread(t, i, csrfToken, errors.message?.ref === t.ref && t.ended === null ? errors.message : undefined, timezone))}
</section>`;
}

function thread(t: ThreadView, index: number, csrfToken: string, error: BetweenErrors['message'], timezone: string): SafeHtml {
  const title = t.side === 'giftee' ? `Ask ${t.giftee ?? 'your giftee'}` : 'Write to your Secret Santa';
  const them = t.side === 'giftee' ? (t.giftee ?? 'Your giftee') : 'Your Secret Santa';
  const intro =
    t.side === 'giftee'
      ? html`${t.giftee} sees your messages as from “your Secret Santa”.`
      : html`Your Santa sees your messages under your name; their name stays hidden from you.`;
  const id = `thread-${index}`;
  return html`<div class="thread${t.ended ? ' thread-ended' : ''}" aria-labelledby="${id}-title">
<h3 id="${id}-title">${title}</h3>
${t.ended === 'pair-changed' ? html`<p class="warning">${endedNote(t)}</p>` : t.ended === 'exchange-over' ? html`<p class="hint">The exchange is over; this conversation is closed.</p>` : html`<p class="hint">${intro}</p>`}
${
  t.messages.length === 0
    ? html`<p class="muted">No messages yet.</p>`
    : html`<ol class="thread-messages">${t.messages.map(
        (m) => html`<li class="message ${m.mine ? 'message-mine' : 'message-theirs'}">
<p class="message-meta"><strong>${m.mine ? 'You' : them}</strong> · <time>${formatDateTime(m.at, timezone)}</time></p>
<p class="user-text message-body">${m.body}</p>
</li>`,
      )}</ol>`
}
${
  t.ended
    ? null
    : postForm(
        '/me/messages',
        csrfToken,
        html`<input type="hidden" name="thread" value="${t.ref}">
${textField({
  id: `${id}-body`,
  name: 'body',
  label: t.side === 'giftee' ? `Your message to ${t.giftee ?? 'your giftee'}` : 'Your message to your Secret Santa',
  value: error?.draft ?? '',
  error: error?.error,
  multiline: true,
  showOptional: false,
  maxLength: BETWEEN_LIMITS.message,
})}
<button type="submit" class="button button-secondary">Send message</button>`,
      )
}
</div>`;
}

function endedNote(t: ThreadView): string {
  return t.side === 'santa'
    ? 'Your Secret Santa changed; this conversation has ended. Your new Santa cannot see it.'
    : `You no longer give a gift to ${t.giftee ?? 'this person'}; this conversation has ended.`;
}

/** The participant's own postal address: optional, for their Santa only. */
export function addressSection(view: BetweenView, csrfToken: string, error: BetweenErrors['address']): SafeHtml | null {
  if (!view.addressEditable) return null;
  const own = view.ownAddress;
  return html`<section class="card" id="address" aria-labelledby="address-title">
<h2 id="address-title">Your postal address</h2>
<p>Only the person who gives you a gift will see it, on their page. The organizer sees only whether you gave one.</p>
${postForm(
  '/me/address',
  csrfToken,
  html`${textField({
    id: 'postal-address',
    name: 'address',
    label: 'Address for your Secret Santa',
    hint: 'Useful when the gift is sent by post. Leave empty to remove it.',
    value: error?.draft ?? own?.address ?? '',
    error: error?.error,
    multiline: true,
    maxLength: BETWEEN_LIMITS.address,
  })}
${checkboxField({
  id: 'address-in-email',
  name: 'inMatchEmail',
  label: 'Also put it in my Santa’s match email',
  hint: 'Emails stay in inboxes; leave this off to show it only on your Santa’s page.',
  checked: own?.inMatchEmail ?? false,
})}
<button type="submit" class="button button-secondary">Save address</button>`,
)}
</section>`;
}
