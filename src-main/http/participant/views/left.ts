import { html } from './html';
import { buttonLink, layout } from './layout';

/** Shown once after a participant leaves an exchange (their session has ended). */
export function leftPage(model: { exchangeName: string; afterDraw: boolean }): string {
  const body = html`<h1>You have left ${model.exchangeName}</h1>
<p>The organizer has been told.${model.afterDraw ? ' The person who drew your name will get someone else, and nobody else’s match changes.' : ''}</p>
<p>Changed your mind? Ask the organizer to add you again.</p>
<p>${buttonLink('/login', 'Back to the start', true)}</p>`;
  return layout({ title: 'You have left', exchangeName: model.exchangeName, body });
}
