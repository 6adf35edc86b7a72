import type { Translator } from '../../../i18n';
import type { ExchangeView } from './exchange-details';
import { exchangeDetails } from './exchange-details';
import { renderGiftIdeas } from './gift-ideas';
import { html, type SafeHtml } from './html';
import { buttonLink, layout, postForm, type Flash } from './layout';
import { SLOT, strongNames, withMarkup } from './me-sections';

/**
 * The in-person draw, on the one device passed around the table. Every page is shown with
 * `Cache-Control: no-store`; only /table/show names a giftee, and only while that person's turn
 * lasts (the server forgets it at "Hide and pass on"), so back, forward and reload show the list.
 * The shared screens speak the exchange's language; the giftee screen speaks the person's own.
 */
export interface TablePersonRow {
  id: number;
  name: string;
  looked: boolean;
}

export function tableStartPage(t: Translator, model: { code: string; csrfToken: string; exchangeName: string }): string {
  const body = html`<h1>${t.t('page.table.heading')}</h1>
<p class="lead">${withMarkup(t.t('page.table.startLead', { exchange: SLOT(0) }), [html`<strong>${model.exchangeName}</strong>`])}</p>
${postForm(`/table/start/${model.code}`, model.csrfToken, html`<button type="submit" class="button">${t.t('page.table.start')}</button>`)}
<p class="hint">${t.t('page.table.oneDevice')}</p>`;
  return layout(t, { title: t.t('page.table.title'), exchangeName: model.exchangeName, body });
}

export function tableLinkInvalidPage(t: Translator, reason: 'used' | 'unknown'): string {
  const lead = t.t(reason === 'used' ? 'page.table.linkUsed' : 'page.table.linkUnknown');
  return layout(t, { title: t.t('page.table.title'), body: html`<h1>${t.t('page.table.heading')}</h1><p class="lead">${lead}</p>` });
}

export function tableListPage(t: Translator, model: { exchangeName: string; people: readonly TablePersonRow[]; flash?: Flash | null }): string {
  const left = model.people.filter((p) => !p.looked).length;
  const rows = model.people.map((p) =>
    p.looked
      ? html`<li class="table-person table-person-done"><span>${p.name}</span> <span>${t.t('page.table.done')}</span></li>`
      : html`<li class="table-person">${buttonLink(`/table/confirm/${p.id}`, p.name, true)}</li>`,
  );
  const body = html`<h1>${t.t('page.table.next')}</h1>
<p class="lead">${t.t(left === 0 ? 'page.table.allDone' : 'page.table.howTo')}</p>
<ul class="table-people" aria-label="${t.t('page.table.people')}">${rows}</ul>`;
  return layout(t, { title: t.t('page.table.title'), exchangeName: model.exchangeName, body, flash: model.flash ?? null });
}

export function tableConfirmPage(t: Translator, model: { exchangeName: string; person: TablePersonRow; csrfToken: string }): string {
  const name = model.person.name;
  const body = html`<h1>${t.t('page.table.areYou', { name })}</h1>
<p class="lead">${t.t('page.table.onlyYou', { name })}</p>
${postForm('/table/look', model.csrfToken, html`<input type="hidden" name="participantId" value="${String(model.person.id)}"><button type="submit" class="button">${t.t('page.table.iAm', { name })}</button>`)}
<p>${buttonLink('/table', t.t('page.table.notMe'), true)}</p>`;
  return layout(t, { title: t.t('page.table.title'), exchangeName: model.exchangeName, body });
}

export function tableShowPage(
  t: Translator,
  model: { exchange: ExchangeView; personName: string; giftees: ReadonlyArray<{ name: string; giftIdeas: string }>; csrfToken: string },
): string {
  const ideasOf = (g: { name: string; giftIdeas: string }) => renderGiftIdeas(g.giftIdeas) ?? html`<p class="muted">${t.t('page.table.noIdeas', { name: g.name })}</p>`;
  const [only] = model.giftees;
  const body = html`<section class="card giftee" aria-labelledby="giftee-title">
${
  model.giftees.length === 1 && only
    ? html`<h1 id="giftee-title"><span class="giftee-intro">${t.t('page.table.givingTo', { name: model.personName })}</span> <span class="giftee-name">${only.name}</span></h1>
<h2>${t.t('page.me.giftee.ideas')}</h2>
${ideasOf(only)}`
    : html`<h1 id="giftee-title"><span class="giftee-intro">${t.t('page.table.givingToSeveral', { name: model.personName })}</span> <span class="giftee-name">${strongNames(t, model.giftees)}</span></h1>
${model.giftees.map(
  (g) => html`<h2>${t.t('page.me.giftees.ideasOf', { name: g.name })}</h2>
${ideasOf(g)}`,
)}`
}
</section>
${exchangeDetails(t, model.exchange, { showRegistration: false })}
${postForm('/table/hide', model.csrfToken, html`<button type="submit" class="button">${t.t('page.table.hide')}</button>`)}`;
  return layout(t, { title: t.t('page.table.showTitle'), exchangeName: model.exchange.name, body });
}

export function tableRefusedFlash(t: Translator, name: string): Flash {
  return { kind: 'error', message: t.t('page.table.refused', { name }) };
}

export function tableClosedPage(t: Translator): string {
  const body: SafeHtml = html`<h1>${t.t('page.table.over')}</h1><p class="lead">${t.t('page.table.overLead')}</p>`;
  return layout(t, { title: t.t('page.table.title'), body });
}
