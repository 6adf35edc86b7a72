import type { Translator } from '../../../i18n';
import { html } from './html';
import { buttonLink, layout } from './layout';

/** Shown once after a participant leaves an exchange (their session has ended). */
export function leftPage(t: Translator, model: { exchangeName: string; afterDraw: boolean }): string {
  const body = html`<h1>${t.t('page.left.heading', { exchange: model.exchangeName })}</h1>
<p>${t.t(model.afterDraw ? 'page.left.toldAfterDraw' : 'page.left.told')}</p>
<p>${t.t('page.left.again')}</p>
<p>${buttonLink('/login', t.t('page.left.back'), true)}</p>`;
  return layout(t, { title: t.t('page.left.title'), exchangeName: model.exchangeName, body });
}
