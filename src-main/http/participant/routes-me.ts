import { LIMITS } from '../../contract/common';
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { DomainError } from '../../core/errors';
import type { Participant } from '../../core/types';
import type { Deps } from '../../services/common/deps';
import { participantPage, readParticipantPage, saveGiftIdeas, saveReminders, withdraw, type ParticipantPageReads } from '../../services/portal/participant-self';
import { resumeSessionAnd } from '../../services/portal/sessions';
import { exchangeView, page, type Page } from './context';
import { noStore, SESSION_COOKIE } from './guard';
import { KeptPages, sendKeptPage } from './kept-pages';
import { leftPage, localDayEnd, mePage, type Flash, type MePageModel } from './views';
import { readBetween } from '../../services/between/page';
import { BETWEEN_FLASHES } from './views/between';

const FLASHES: Record<string, Flash> = {
  ideas: { kind: 'success', message: 'Your gift ideas were saved.' },
  reminders: { kind: 'success', message: 'Your reminder choice was saved.' },
  ...BETWEEN_FLASHES,
};

function meModel(p: Page, participant: Participant, csrfToken: string, extra: Partial<MePageModel> = {}, reads?: ParticipantPageReads): MePageModel {
  const { exchange, stage, deletionAt, organizerAccess } = participantPage(p.deps, participant, reads);
  const between = readBetween(p.deps, participant, exchange);
  return {
    exchange: exchangeView(exchange, null),
    participant: { name: participant.name, email: participant.email, giftIdeas: participant.giftIdeas, reminders: participant.remindersEnabled },
    stage,
    csrfToken,
    now: p.deps.clock.now(),
    deletionAt,
    organizerAccess,
    flash: FLASHES[p.c.req.query('done') ?? ''] ?? null,
    between,
    ...extra,
  };
}

export function render(p: Page, participant: Participant, extra: Partial<MePageModel> = {}, status: 200 | 400 | 409 = 200, reads?: ParticipantPageReads): Response {
  return p.c.html(mePage(meModel(p, participant, p.csrf(), extra, reads)), status);
}

/** Session pages: every one is `no-store`, and without a session they lead to the login page. */
export function withSession(deps: Deps, handler: (p: Page, participant: Participant) => Response | Promise<Response>) {
  return async (c: Context) => {
    const p = page(deps, c);
    noStore(c);
    const participant = p.participant();
    if (!participant || participant.withdrawnAt !== null) return c.redirect('/login', 303);
    return handler(p, participant);
  };
}

/** The participant's own page and its forms (POST, then redirect back with a message). */
export function meRoutes(app: Hono, deps: Deps): void {
  const kept = new KeptPages(deps);
  // The session and the page are read under one read transaction (what withSession does, in one
  // go), and the page is kept per session until anything is written (KeptPages).
  app.get('/me', (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const now = deps.clock.now();
    // A page with a query carries a one-off message: not kept.
    const keepable = token !== undefined && !c.req.url.includes('?');
    const known = keepable ? kept.get(token, now) : null;
    if (known) return sendKeptPage(deps, c, known, { noStore: true });
    const version = deps.db.changeCount();
    const p = page(deps, c);
    const found = resumeSessionAnd(deps, token, (participant) => (participant.withdrawnAt === null ? readParticipantPage(deps, participant) : null));
    if (!found || found.participant.withdrawnAt !== null || !found.read) {
      noStore(c);
      return c.redirect('/login', 303);
    }
    if (!keepable) {
      noStore(c);
      return render(p, found.participant, {}, 200, found.read);
    }
    const model = meModel(p, found.participant, kept.slot, {}, found.read);
    // The page counts days to the deletion in the exchange's zone; the session must be touched hourly;
    // the registration deadline and the party itself (which may reveal the Santas) change it unwritten.
    const ex = found.read.exchange;
    const moments = [ex.registrationDeadlineAt, ex.exchangeAt].filter((t): t is number => t !== null && t > now);
    const until = Math.min(found.quietUntil, localDayEnd(now, model.exchange.timezone), ...moments);
    return sendKeptPage(deps, c, kept.keep(token, version, until, mePage(model)), { noStore: true });
  });

  app.post(
    '/me/ideas',
    withSession(deps, async (p, participant) => {
      const form = await p.form();
      if (form instanceof Response) return form;
      const ideas = form.get('giftIdeas') ?? '';
      if (ideas.length > LIMITS.giftIdeas) {
        return render(p, participant, { errors: { giftIdeas: `Gift ideas can be at most ${LIMITS.giftIdeas} characters.` }, giftIdeasDraft: ideas.slice(0, 5000) }, 400);
      }
      try {
        saveGiftIdeas(deps, participant, ideas);
      } catch (error) {
        if (error instanceof DomainError) return render(p, participant, { flash: { kind: 'error', message: error.message } }, 409);
        throw error;
      }
      return p.c.redirect('/me?done=ideas', 303);
    }),
  );

  app.post(
    '/me/reminders',
    withSession(deps, async (p, participant) => {
      const form = await p.form();
      if (form instanceof Response) return form;
      saveReminders(deps, participant, form.get('reminders') === 'yes');
      return p.c.redirect('/me?done=reminders', 303);
    }),
  );

  app.post(
    '/me/withdraw',
    withSession(deps, async (p, participant) => {
      const form = await p.form();
      if (form instanceof Response) return form;
      if (form.get('confirm') !== 'yes') {
        return render(p, participant, { errors: { withdraw: 'Tick the box to confirm that you want to leave.' } }, 400);
      }
      const { exchange, stage } = participantPage(deps, participant);
      try {
        withdraw(deps, participant);
      } catch (error) {
        if (error instanceof DomainError) return render(p, participant, { flash: { kind: 'error', message: error.message } }, 409);
        throw error;
      }
      deleteCookie(p.c, SESSION_COOKIE, { path: '/' });
      return p.c.html(leftPage({ exchangeName: exchange.name, afterDraw: stage.kind === 'matched' }));
    }),
  );
}
