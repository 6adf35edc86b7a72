import { LIMITS } from '../../contract/values';
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { DomainError, localise } from '../../core/errors';
import type { Participant } from '../../core/types';
import { isLocale, translator, type MessageKey, type Translator } from '../../i18n';
import type { Deps } from '../../services/common/deps';
import {
  participantPage,
  readParticipantPage,
  participantLocaleOf,
  saveGiftIdeas,
  saveLocale,
  saveReminders,
  withdraw,
  type ParticipantPageReads,
} from '../../services/portal/participant-self';
import { resumeSessionAnd } from '../../services/portal/sessions';
import { exchangeView, page, participantLocale, type Page } from './context';
import { noStore, SESSION_COOKIE } from './guard';
import { type KeptPages, sendKeptPage } from './kept-pages';
import { leftPage, localDayEnd, mePage, type Flash, type MePageModel } from './views';
import { readBetween } from '../../services/between/page';
import { BETWEEN_FLASHES } from './views/between';
import { giftIdeasTooLong } from './views/field-errors';

const FLASHES: Record<string, { kind: Flash['kind']; key: MessageKey }> = {
  ideas: { kind: 'success', key: 'page.flash.ideas' },
  reminders: { kind: 'success', key: 'page.flash.reminders' },
  language: { kind: 'success', key: 'page.flash.language' },
  ...BETWEEN_FLASHES,
};

function flashFor(t: Translator, done: string | undefined): Flash | null {
  const found = done === undefined ? undefined : FLASHES[done];
  return found ? { kind: found.kind, message: t.t(found.key) } : null;
}

/** A service's refusal, shown at the top of the page in the reader's language. */
export function refusal(t: Translator, error: DomainError): Flash {
  return { kind: 'error', message: localise(error, t).message };
}

function meModel(p: Page, participant: Participant, csrfToken: string, extra: Partial<MePageModel> = {}, reads?: ParticipantPageReads): { t: Translator; model: MePageModel } {
  const { exchange, stage, deletionAt, organizerAccess } = participantPage(p.deps, participant, reads);
  const between = readBetween(p.deps, participant, exchange);
  const locale = participantLocale(participant, exchange);
  const t = translator(locale);
  p.t = t;
  const model: MePageModel = {
    exchange: exchangeView(exchange, null),
    participant: { name: participant.name, email: participant.email, giftIdeas: participant.giftIdeas, reminders: participant.remindersEnabled, locale },
    stage,
    csrfToken,
    now: p.deps.clock.now(),
    deletionAt,
    organizerAccess,
    flash: flashFor(t, p.c.req.query('done')),
    between,
    ...extra,
  };
  return { t, model };
}

/**
 * The page, in the person's language; `extra` is worded by the caller with `p.t` (set to that
 * language by withSession before the handler runs).
 */
export function render(p: Page, participant: Participant, extra: Partial<MePageModel> = {}, status: 200 | 400 | 409 = 200, reads?: ParticipantPageReads): Response {
  const { t, model } = meModel(p, participant, p.csrf(), extra, reads);
  return p.c.html(mePage(t, model), status);
}

/** Session pages: every one is `no-store`, and without a session they lead to the login page. */
export function withSession(deps: Deps, handler: (p: Page, participant: Participant) => Response | Promise<Response>) {
  return async (c: Context) => {
    const p = page(deps, c);
    noStore(c);
    const participant = p.participant();
    if (!participant || participant.withdrawnAt !== null) return c.redirect('/login', 303);
    // From here every refusal (a stale form's 403, a limit's 429, a field) speaks their language.
    p.t = translator(participantLocaleOf(deps, participant));
    return handler(p, participant);
  };
}

/** The participant's own page and its forms (POST, then redirect back with a message). */
export function meRoutes(app: Hono, deps: Deps, kept: KeptPages): void {
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
    const { t, model } = meModel(p, found.participant, kept.slot, {}, found.read);
    // The page counts days to the deletion in the exchange's zone; the session must be touched hourly;
    // the registration deadline and the party itself (which may reveal the Santas) change it unwritten.
    const ex = found.read.exchange;
    const moments = [ex.registrationDeadlineAt, ex.exchangeAt].filter((t): t is number => t !== null && t > now);
    const until = Math.min(found.quietUntil, localDayEnd(now, model.exchange.timezone), ...moments);
    return sendKeptPage(deps, c, kept.keep(token, version, until, mePage(t, model)), { noStore: true });
  });

  app.post(
    '/me/ideas',
    withSession(deps, async (p, participant) => {
      const form = await p.form();
      if (form instanceof Response) return form;
      const ideas = form.get('giftIdeas') ?? '';
      if (ideas.length > LIMITS.giftIdeas) {
        return render(p, participant, { errors: { giftIdeas: giftIdeasTooLong(p.t) }, giftIdeasDraft: ideas.slice(0, 5000) }, 400);
      }
      try {
        saveGiftIdeas(deps, participant, ideas);
      } catch (error) {
        if (error instanceof DomainError) return render(p, participant, { flash: refusal(p.t, error) }, 409);
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

  // The page's own language: saved, then the page answers in it at once (and later emails use it).
  app.post(
    '/me/language',
    withSession(deps, async (p, participant) => {
      const form = await p.form();
      if (form instanceof Response) return form;
      const picked = form.get('locale');
      if (!isLocale(picked)) return render(p, participant, { errors: { language: p.t.t('page.language.invalid') } }, 400);
      try {
        saveLocale(deps, participant, picked);
      } catch (error) {
        if (error instanceof DomainError) return render(p, participant, { flash: refusal(p.t, error) }, 409);
        throw error;
      }
      return p.c.redirect('/me?done=language#language-section', 303);
    }),
  );

  app.post(
    '/me/withdraw',
    withSession(deps, async (p, participant) => {
      const form = await p.form();
      if (form instanceof Response) return form;
      if (form.get('confirm') !== 'yes') {
        return render(p, participant, { errors: { withdraw: p.t.t('page.me.withdraw.tick') } }, 400);
      }
      const { exchange, stage } = participantPage(deps, participant);
      try {
        withdraw(deps, participant);
      } catch (error) {
        if (error instanceof DomainError) return render(p, participant, { flash: refusal(p.t, error) }, 409);
        throw error;
      }
      deleteCookie(p.c, SESSION_COOKIE, { path: '/' });
      return p.c.html(leftPage(p.t, { exchangeName: exchange.name, afterDraw: stage.kind === 'matched' }));
    }),
  );
}
