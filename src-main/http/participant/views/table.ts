import type { ExchangeView } from './exchange-details';
import { exchangeDetails } from './exchange-details';
import { renderGiftIdeas } from './gift-ideas';
import { html, type SafeHtml } from './html';
import { buttonLink, layout, postForm, type Flash } from './layout';
import { strongNames } from './me-sections';

/**
 * The in-person draw, on the one device passed around the table. Every page is shown with
 * `Cache-Control: no-store`; only /table/show names a giftee, and only while that person's turn
 * lasts (the server forgets it at "Hide and pass on"), so back, forward and reload show the list.
 */
export interface TablePersonRow {
  id: number;
  name: string;
  looked: boolean;
}

export function tableStartPage(model: { code: string; csrfToken: string; exchangeName: string }): string {
  const body = html`<h1>The table draw</h1>
<p class="lead">This device becomes the one the family passes around the table for <strong>${model.exchangeName}</strong>. Each person taps their name and sees whom they give to, one at a time.</p>
${postForm(`/table/start/${model.code}`, model.csrfToken, html`<button type="submit" class="button">Use this device for the table draw</button>`)}
<p class="hint">The link works on one device only.</p>`;
  return layout({ title: 'Table draw', exchangeName: model.exchangeName, body });
}

export function tableLinkInvalidPage(reason: 'used' | 'unknown'): string {
  const lead =
    reason === 'used'
      ? 'This table draw is already open on another device. Pass that one around, or ask the organizer for a new link.'
      : 'This table draw link does not work (any more). Ask the organizer to start the table draw again.';
  return layout({ title: 'Table draw', body: html`<h1>The table draw</h1><p class="lead">${lead}</p>` });
}

export function tableListPage(model: { exchangeName: string; people: readonly TablePersonRow[]; flash?: Flash | null }): string {
  const left = model.people.filter((p) => !p.looked).length;
  const rows = model.people.map((p) =>
    p.looked
      ? html`<li class="table-person table-person-done"><span>${p.name}</span> <span>Done</span></li>`
      : html`<li class="table-person">${buttonLink(`/table/confirm/${p.id}`, p.name, true)}</li>`,
  );
  const body = html`<h1>Who is next?</h1>
<p class="lead">${left === 0 ? 'Everyone has seen whom they give to. Enjoy the evening!' : 'Take the device, tap your name, and keep the screen to yourself.'}</p>
<ul class="table-people" aria-label="People at the table">${rows}</ul>`;
  return layout({ title: 'Table draw', exchangeName: model.exchangeName, body, flash: model.flash ?? null });
}

export function tableConfirmPage(model: { exchangeName: string; person: TablePersonRow; csrfToken: string }): string {
  const body = html`<h1>Are you ${model.person.name}?</h1>
<p class="lead">Only ${model.person.name} should look now. The name you draw shows once on this device.</p>
${postForm('/table/look', model.csrfToken, html`<input type="hidden" name="participantId" value="${String(model.person.id)}"><button type="submit" class="button">I am ${model.person.name}</button>`)}
<p>${buttonLink('/table', 'Not me: back to the list', true)}</p>`;
  return layout({ title: 'Table draw', exchangeName: model.exchangeName, body });
}

export function tableShowPage(model: { exchange: ExchangeView; personName: string; giftees: ReadonlyArray<{ name: string; giftIdeas: string }>; csrfToken: string }): string {
  const ideasOf = (g: { name: string; giftIdeas: string }) => renderGiftIdeas(g.giftIdeas) ?? html`<p class="muted">${g.name} hasn’t written any gift ideas yet.</p>`;
  const [only] = model.giftees;
  const body = html`<section class="card giftee" aria-labelledby="giftee-title">
${
  model.giftees.length === 1 && only
    ? html`<h1 id="giftee-title"><span class="giftee-intro">${model.personName}, you are giving a gift to</span> <span class="giftee-name">${only.name}</span></h1>
<h2>Their gift ideas</h2>
${ideasOf(only)}`
    : html`<h1 id="giftee-title"><span class="giftee-intro">${model.personName}, you are giving gifts to</span> <span class="giftee-name">${strongNames(model.giftees)}</span></h1>
${model.giftees.map(
  (g) => html`<h2>${g.name}’s gift ideas</h2>
${ideasOf(g)}`,
)}`
}
</section>
${exchangeDetails(model.exchange, { showRegistration: false })}
${postForm('/table/hide', model.csrfToken, html`<button type="submit" class="button">Hide and pass on</button>`)}`;
  return layout({ title: 'Your giftee', exchangeName: model.exchange.name, body });
}

export function tableRefusedFlash(name: string): Flash {
  return { kind: 'error', message: `${name} has already looked on this device. A name shows once here; ${name} can look again on their own page, if they have one.` };
}

export function tableClosedPage(): string {
  const body: SafeHtml = html`<h1>The table draw is over</h1><p class="lead">This device no longer shows the table draw. Ask the organizer for a new link if you need it.</p>`;
  return layout({ title: 'Table draw', body });
}
