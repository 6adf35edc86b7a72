import { timeTag, type ExchangeView } from './exchange-details';
import { calendarDaysUntil, formatDate, relativeDays } from './format';
import { renderGiftIdeas } from './gift-ideas';
import { html, type SafeHtml } from './html';
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

export function stageCard(stage: MeStage, exchange: ExchangeView): SafeHtml {
  switch (stage.kind) {
    case 'waiting':
      return html`<section class="card card-notice" aria-labelledby="stage-title">
<h2 id="stage-title">Names haven’t been drawn yet</h2>
<p>Names will be drawn after registration closes${
        exchange.registrationDeadlineAt === null ? null : html` on ${timeTag(exchange.registrationDeadlineAt, exchange.timezone)}`
      }. We’ll email you the name of the person you are giving a gift to.</p>
</section>`;
    case 'matched':
      return stage.others !== undefined && stage.others.length > 0 ? severalGifteesCard([stage.receiver, ...stage.others]) : gifteeCard(stage.receiver);
    case 'completed':
      return html`<section class="card card-notice" aria-labelledby="stage-title">
<h2 id="stage-title">This exchange is over</h2>
<p>It took place on ${formatDate(exchange.exchangeAt, exchange.timezone)}.${
        stage.receiver ? html` You gave ${stage.others?.length ? 'gifts' : 'a gift'} to ${strongNames([stage.receiver, ...(stage.others ?? [])])}.` : null
      } Thank you for taking part!</p>
</section>`;
    case 'cancelled':
      return html`<section class="card card-notice" aria-labelledby="stage-title">
<h2 id="stage-title">This exchange was cancelled</h2>
<p>The organizer has cancelled this exchange. There is nothing more to do here.</p>
</section>`;
    default:
      return assertNever(stage);
  }
}

/** Who to give to and their ideas; the date and budget follow once, in the details card below. */
function gifteeCard(receiver: Receiver): SafeHtml {
  const ideas = renderGiftIdeas(receiver.giftIdeas);
  return html`<section class="card giftee" aria-labelledby="giftee-title">
<h2 id="giftee-title"><span class="giftee-intro">You are giving a gift to</span> <span class="giftee-name">${receiver.name}</span></h2>
<h3>Their gift ideas</h3>
${ideas ?? html`<p class="muted">${receiver.name} hasn’t written any gift ideas yet. Check this page again later.</p>`}
<p class="hint">Keep it secret! Only you can see this on your page.</p>
</section>`;
}

/** "Ann", "Ann and Bob", "Ann, Bob and Cy", each in bold. */
export function strongNames(people: readonly Receiver[]): SafeHtml {
  const names = people.map((p) => html`<strong>${p.name}</strong>`);
  if (names.length === 1) return names[0]!;
  return html`${names.slice(0, -1).map((n, i) => (i === 0 ? n : html`, ${n}`))} and ${names[names.length - 1]!}`;
}

/** Several giftees each: all names at the top, then each one's ideas under their name. */
function severalGifteesCard(giftees: readonly Receiver[]): SafeHtml {
  return html`<section class="card giftee" aria-labelledby="giftee-title">
<h2 id="giftee-title"><span class="giftee-intro">Your giftees:</span> <span class="giftee-name">${strongNames(giftees)}</span></h2>
${giftees.map(
  (g) => html`<h3>${g.name}’s gift ideas</h3>
${renderGiftIdeas(g.giftIdeas) ?? html`<p class="muted">${g.name} hasn’t written any gift ideas yet. Check this page again later.</p>`}`,
)}
<p class="hint">Keep it secret! Only you can see this on your page.</p>
</section>`;
}

export function withdrawSection(stage: MeStage, csrfToken: string, error: string | undefined): SafeHtml | null {
  if (stage.kind !== 'waiting' && stage.kind !== 'matched') return null;
  const afterDraw = stage.kind === 'matched';
  const warning = afterDraw
    ? html`<p class="warning"><strong>Names have already been drawn.</strong> If you withdraw, the organizer is told, and ${
        stage.others?.length ? 'the people who drew your name will each be given someone else' : 'the person who drew your name will be given someone else'
      }.</p>`
    : html`<p>Changed your plans? You can leave the exchange now, before names are drawn.</p>`;
  return html`<section class="card" aria-labelledby="withdraw-title">
<h2 id="withdraw-title">Withdraw from this exchange</h2>
${warning}
${postForm(
  '/me/withdraw',
  csrfToken,
  html`${checkboxField({
    id: 'withdraw-confirm',
    name: 'confirm',
    label: afterDraw ? 'I understand — take me out of the exchange' : 'Yes, take me out of this exchange',
    checked: false,
    required: true,
    error,
  })}
<button type="submit" class="button button-danger">Withdraw</button>`,
)}
</section>`;
}

/** "All data of this exchange will be deleted on … (in N days)". */
export function deletionNotice(deletionAt: number | null, now: number, timezone: string): SafeHtml | null {
  if (deletionAt === null) return null;
  const days = calendarDaysUntil(now, deletionAt, timezone);
  return html`<p class="muted deletion">All data of this exchange will be deleted on ${formatDate(deletionAt, timezone)} (${relativeDays(days)}).</p>`;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled stage: ${JSON.stringify(value)}`);
}
