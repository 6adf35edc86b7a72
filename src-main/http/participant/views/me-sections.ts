import type { Translator } from '../../../i18n';
import { timeTag, type ExchangeView } from './exchange-details';
import { calendarDaysUntil } from './format';
import { renderGiftIdeas } from './gift-ideas';
import { escapeHtml, html, raw, type SafeHtml } from './html';
import { checkboxField, postForm } from './layout';

export interface Receiver {
  name: string;
  giftIdeas: string;
}

/** Where the exchange stands, from this participant's point of view (`others`: more giftees, with several each). */
export type MeStage =
  | { kind: 'waiting' }
  | { kind: 'matched'; receiver: Receiver; others?: Receiver[] }
  | { kind: 'completed'; receiver: Receiver | null; others?: Receiver[] }
  | { kind: 'cancelled' };

export function stageCard(t: Translator, stage: MeStage, exchange: ExchangeView): SafeHtml {
  switch (stage.kind) {
    case 'waiting': {
      const deadline = exchange.registrationDeadlineAt;
      return html`<section class="card card-notice" aria-labelledby="stage-title">
<h2 id="stage-title">${t.t('page.me.waiting.title')}</h2>
<p>${deadline === null ? t.t('page.me.waiting.text') : withMarkup(t.t('page.me.waiting.textOn', { date: SLOT(0) }), [timeTag(t, deadline, exchange.timezone)])}</p>
</section>`;
    }
    case 'matched':
      return stage.others !== undefined && stage.others.length > 0 ? severalGifteesCard(t, [stage.receiver, ...stage.others]) : gifteeCard(t, stage.receiver);
    case 'completed': {
      const date = t.date(exchange.exchangeAt, exchange.timezone);
      const giftees = stage.receiver ? [stage.receiver, ...(stage.others ?? [])] : [];
      return html`<section class="card card-notice" aria-labelledby="stage-title">
<h2 id="stage-title">${t.t('page.me.completed.title')}</h2>
<p>${
        giftees.length === 0
          ? t.t('page.me.completed.text', { date })
          : withMarkup(t.t('page.me.completed.textGave', { date, count: giftees.length, names: SLOT(0) }), [strongNames(t, giftees)])
      }</p>
</section>`;
    }
    case 'cancelled':
      return html`<section class="card card-notice" aria-labelledby="stage-title">
<h2 id="stage-title">${t.t('page.me.cancelled.title')}</h2>
<p>${t.t('page.me.cancelled.text')}</p>
</section>`;
    default:
      return assertNever(stage);
  }
}

/**
 * Markup inside a translated sentence (a name in bold, a `<time>`): the sentence is formatted
 * with private markers in place of the markup, escaped, and the markers swapped for the markup.
 */
export const SLOT = (i: number): string => `\u0001${i}\u0002`;

export function withMarkup(sentence: string, parts: readonly SafeHtml[]): SafeHtml {
  // eslint-disable-next-line no-control-regex -- the markers are control characters no name or text can hold
  return raw(escapeHtml(sentence).replace(/\u0001(\d+)\u0002/g, (_, i: string) => parts[Number(i)]?.value ?? ''));
}

/** "Ann", "Ann and Bob", "Ann, Bob and Cy" in the reader's language, each name in bold. */
export function strongNames(t: Translator, people: readonly Receiver[]): SafeHtml {
  return withMarkup(
    t.list(people.map((_, i) => SLOT(i))),
    people.map((p) => html`<strong>${p.name}</strong>`),
  );
}

/** Who to give to and their ideas; the date and budget follow once, in the details card below. */
function gifteeCard(t: Translator, receiver: Receiver): SafeHtml {
  const ideas = renderGiftIdeas(receiver.giftIdeas);
  return html`<section class="card giftee" aria-labelledby="giftee-title">
<h2 id="giftee-title"><span class="giftee-intro">${t.t('page.me.giftee.intro')}</span> <span class="giftee-name">${receiver.name}</span></h2>
<h3>${t.t('page.me.giftee.ideas')}</h3>
${ideas ?? html`<p class="muted">${t.t('page.me.giftee.noIdeas', { name: receiver.name })}</p>`}
<p class="hint">${t.t('page.me.giftee.secret')}</p>
</section>`;
}

/** Several giftees each: all names at the top, then each one's ideas under their name. */
function severalGifteesCard(t: Translator, giftees: readonly Receiver[]): SafeHtml {
  return html`<section class="card giftee" aria-labelledby="giftee-title">
<h2 id="giftee-title"><span class="giftee-intro">${t.t('page.me.giftees.intro')}</span> <span class="giftee-name">${strongNames(t, giftees)}</span></h2>
${giftees.map(
  (g) => html`<h3>${t.t('page.me.giftees.ideasOf', { name: g.name })}</h3>
${renderGiftIdeas(g.giftIdeas) ?? html`<p class="muted">${t.t('page.me.giftee.noIdeas', { name: g.name })}</p>`}`,
)}
<p class="hint">${t.t('page.me.giftee.secret')}</p>
</section>`;
}

export function withdrawSection(t: Translator, stage: MeStage, csrfToken: string, error: string | undefined): SafeHtml | null {
  if (stage.kind !== 'waiting' && stage.kind !== 'matched') return null;
  const afterDraw = stage.kind === 'matched';
  const warning = afterDraw
    ? html`<p class="warning"><strong>${t.t('page.me.withdraw.drawn')}</strong> ${t.t('page.me.withdraw.drawnText', { count: 1 + (stage.others?.length ?? 0) })}</p>`
    : html`<p>${t.t('page.me.withdraw.before')}</p>`;
  return html`<section class="card" aria-labelledby="withdraw-title">
<h2 id="withdraw-title">${t.t('page.me.withdraw.title')}</h2>
${warning}
${postForm(
  '/me/withdraw',
  csrfToken,
  html`${checkboxField(t, {
    id: 'withdraw-confirm',
    name: 'confirm',
    label: t.t(afterDraw ? 'page.me.withdraw.confirmDrawn' : 'page.me.withdraw.confirm'),
    checked: false,
    required: true,
    error,
  })}
<button type="submit" class="button button-danger">${t.t('page.me.withdraw.button')}</button>`,
)}
</section>`;
}

/** "All data of this exchange will be deleted on … (in N days)". */
export function deletionNotice(t: Translator, deletionAt: number | null, now: number, timezone: string): SafeHtml | null {
  if (deletionAt === null) return null;
  const days = calendarDaysUntil(now, deletionAt, timezone);
  const date = t.date(deletionAt, timezone);
  const text = days < 0 ? t.t('page.me.deletionPassed', { date }) : t.t('page.me.deletion', { date, days });
  return html`<p class="muted deletion">${text}</p>`;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled stage: ${JSON.stringify(value)}`);
}
