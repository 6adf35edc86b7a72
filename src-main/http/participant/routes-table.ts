import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Deps } from '../../services/common/deps';
import { RATE_LIMITS } from '../../services/common/rate-limit';
import { claimTableCode, hideTable, lookAtTable, peekTableCode, TABLE_TTL_MS, tableForDevice, tableList, tablePerson, tableShowing } from '../../services/portal/table-draw';
import { translator } from '../../i18n';
import { exchangeView, page, participantLocale } from './context';
import { noStore } from './guard';
import { tableClosedPage, tableConfirmPage, tableLinkInvalidPage, tableListPage, tableRefusedFlash, tableShowPage, tableStartPage } from './views/table';

/** The table device's cookie: only /table pages read it. */
const TABLE_COOKIE = 'sk_table';

/**
 * The in-person draw ("pass the phone"). Every answer is no-store; the giftee is shown only by
 * GET /table/show while the server holds that person's turn, and "Hide and pass on" ends it with
 * a POST that redirects to the list (POST-redirect-GET), so history never brings a giftee back.
 * Any other table page ends the turn too: someone who goes Back to the list instead of hiding
 * must not leave their giftee for the next person's Forward.
 */
export function tableRoutes(app: Hono, deps: Deps): void {
  /** This device's table, with nobody's turn any more (the giftee has left the screen). */
  const tableWithTurnEnded = (c: Context) => {
    const table = tableForDevice(deps, getCookie(c, TABLE_COOKIE));
    if (!table || table.showingParticipantId === null) return table;
    hideTable(deps, table);
    return { ...table, showingParticipantId: null };
  };

  app.use('/table/*', async (c, next) => {
    noStore(c);
    await next();
  });
  app.use('/table', async (c, next) => {
    noStore(c);
    await next();
  });

  // The shared screens speak the exchange's language; a code not yet claimed names no exchange,
  // so those ask the browser. The giftee screen speaks the person's own language.
  // A GET never spends the code (link previews and scanners open links too).
  app.get('/table/start/:code', (c) => {
    const p = page(deps, c);
    const code = c.req.param('code');
    const peeked = peekTableCode(deps, code);
    if (peeked.state !== 'valid') return c.html(tableLinkInvalidPage(p.t, peeked.state), peeked.state === 'used' ? 410 : 404);
    return c.html(tableStartPage(translator(peeked.locale), { code, csrfToken: p.csrf(), exchangeName: peeked.exchangeName }));
  });

  app.post('/table/start/:code', async (c) => {
    const p = page(deps, c);
    const form = await p.form();
    if (form instanceof Response) return form;
    const limited = p.limit(`table-start:${p.facts.client}`, RATE_LIMITS.continuePerClient);
    if (limited) return limited;
    const claimed = claimTableCode(deps, c.req.param('code'));
    if (claimed.kind !== 'ok') return c.html(tableLinkInvalidPage(p.t, claimed.kind), claimed.kind === 'used' ? 410 : 404);
    setCookie(c, TABLE_COOKIE, claimed.deviceToken, { httpOnly: true, sameSite: 'Lax', secure: p.facts.https, path: '/table', maxAge: TABLE_TTL_MS / 1000 });
    return c.redirect('/table', 303);
  });

  app.get('/table', (c) => {
    const p = page(deps, c);
    const table = tableWithTurnEnded(c);
    if (!table) return c.html(tableClosedPage(p.t), 403);
    return c.html(tableListPage(translator(table.exchange.locale), { exchangeName: table.exchange.name, people: tableList(deps, table) }));
  });

  app.get('/table/confirm/:id', (c) => {
    const p = page(deps, c);
    const table = tableWithTurnEnded(c);
    if (!table) return c.html(tableClosedPage(p.t), 403);
    const person = tablePerson(deps, table, Number(c.req.param('id')));
    if (!person) return c.redirect('/table', 303);
    const t = translator(table.exchange.locale);
    if (person.looked) return c.html(tableListPage(t, { exchangeName: table.exchange.name, people: tableList(deps, table), flash: tableRefusedFlash(t, person.name) }), 409);
    return c.html(tableConfirmPage(t, { exchangeName: table.exchange.name, person, csrfToken: p.csrf() }));
  });

  app.post('/table/look', async (c) => {
    const p = page(deps, c);
    const form = await p.form();
    if (form instanceof Response) return form;
    // A refused look shows the list, so it ends the previous turn as well; an accepted one starts its own.
    const table = tableWithTurnEnded(c);
    if (!table) return c.html(tableClosedPage(p.t), 403);
    const id = Number(form.get('participantId'));
    const person = Number.isSafeInteger(id) ? tablePerson(deps, table, id) : undefined;
    const result = person ? lookAtTable(deps, table, person.id) : 'not-here';
    if (result === 'ok') return c.redirect('/table/show', 303);
    const t = translator(table.exchange.locale);
    const flash = result === 'looked' && person ? tableRefusedFlash(t, person.name) : { kind: 'error' as const, message: t.t('page.table.chooseName') };
    return c.html(tableListPage(t, { exchangeName: table.exchange.name, people: tableList(deps, table), flash }), result === 'looked' ? 409 : 400);
  });

  app.get('/table/show', (c) => {
    const p = page(deps, c);
    const table = tableForDevice(deps, getCookie(c, TABLE_COOKIE));
    if (!table) return c.html(tableClosedPage(p.t), 403);
    const showing = tableShowing(deps, table);
    // Nobody's turn (hidden already, or back/forward after it): only the list.
    if (!showing) return c.redirect('/table', 303);
    const t = translator(participantLocale(showing.person, table.exchange));
    return c.html(
      tableShowPage(t, {
        exchange: exchangeView(table.exchange, null),
        personName: showing.person.name,
        giftees: showing.giftees.map((g) => ({ name: g.name, giftIdeas: g.giftIdeas })),
        csrfToken: p.csrf(),
      }),
    );
  });

  app.post('/table/hide', async (c) => {
    const p = page(deps, c);
    const form = await p.form();
    if (form instanceof Response) return form;
    tableWithTurnEnded(c);
    return c.redirect('/table', 303);
  });
}
