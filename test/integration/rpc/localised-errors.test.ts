import { englishLeft } from '../../support/english-left';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../../src-main/i18n';
import { recordLinksMoved } from '../../../src-main/services/mail/notices';
import { adminWorld, type AdminWorld } from '../http/admin-world';
import { exchangeInput } from '../../support/test-app';

/**
 * Issue #20: the API answers in the organizer's language. The same refusal keeps its code (and
 * paths and details) in every language; only the words change, and no English is left in a German
 * answer, not even zod's own type errors.
 */
let w: AdminWorld;
let exchangeId: number;
beforeEach(async () => {
  w = await adminWorld();
  exchangeId = (await w.t.ok('exchanges.create', exchangeInput())).id;
  await w.t.ok('participants.add', { exchangeId, name: 'Ann', email: 'ann@example.com' });
});
afterEach(() => w.close());

const speak = (language: 'en' | 'de' | 'fr' | 'es' | 'auto') => w.t.ok('settings.update', { language });

/** The error of one operation, as the headless organizer API answers it over HTTP. */
async function refusal(operation: string, input: unknown) {
  const response = await w.request(`/rpc/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const body = (await response.json()) as { ok: boolean; error: { code: string; message: string; issues?: Array<{ path: string; message: string }>; details?: unknown } };
  expect(body.ok).toBe(false);
  return { status: response.status, ...body.error };
}

/** English words that would give away a refusal that was not translated. */
const ENGLISH = /\b(the|is|already|enter|expected|this|choose|must|field)\b/i;

describe('refusals in the organizer’s language', () => {
  it('a duplicate participant: same code, details and field, German words', async () => {
    const duplicate = { exchangeId, name: 'Ann', email: 'ann@example.com' };
    const english = await refusal('participants.add', duplicate);
    expect(english).toMatchObject({ status: 409, code: 'conflict', message: 'Ann <ann@example.com> is already taking part in this exchange.' });
    await speak('de');
    const german = await refusal('participants.add', duplicate);
    expect(german.code).toBe(english.code);
    expect(german.status).toBe(english.status);
    expect(german.details).toEqual(english.details);
    expect(german.message).toBe('Ann <ann@example.com> ist bei diesem Wichteln schon dabei.');
    expect(german.issues).toEqual([
      { path: 'name', message: 'Ann mit dieser E-Mail ist schon dabei. Zwei Leute dürfen sich eine Adresse teilen, brauchen aber verschiedene Namen.' },
    ]);
  });

  it('an invalid email, worded by the service, in German and Spanish', async () => {
    await speak('de');
    const german = await refusal('participants.add', { exchangeId, name: 'Bo', email: 'bo.example.com' });
    expect(german).toMatchObject({ code: 'invalid_input', message: 'Eine E-Mail-Adresse hat genau ein @, etwa name@example.com.' });
    expect(german.issues).toEqual([{ path: 'email', message: 'Eine E-Mail-Adresse hat genau ein @, etwa name@example.com.' }]);
    await speak('es');
    expect((await refusal('participants.add', { exchangeId, name: 'Bo', email: 'bo.example.com' })).message).toBe(
      'Una dirección de correo lleva exactamente una @, como nombre@example.com.',
    );
  });

  it('a zod type error and the contract’s own messages, worded per issue with the issue’s path', async () => {
    await speak('de');
    const typeError = await refusal('participants.add', { exchangeId: 'one', name: 42, email: 'bo@example.com' });
    expect(typeError.code).toBe('invalid_input');
    expect(typeError.issues).toEqual([
      { path: 'exchangeId', message: 'Hier gehört eine ID hin (eine ganze Zahl).' },
      { path: 'name', message: 'Gib einen Namen ein.' },
    ]);
    expect(typeError.message).toBe('exchangeId: Hier gehört eine ID hin (eine ganze Zahl). (und 1 weiteres)');

    // zod's defaults (no message in the contract): generic words per issue code, never zod's English.
    const defaults = await refusal('smtp.set', {
      presetId: 'custom',
      host: 'smtp.example.com',
      port: 587,
      security: 'tls',
      username: 'x'.repeat(400),
      fromName: true,
      fromAddress: 'me@example.com',
    });
    expect(defaults.issues).toEqual([
      { path: 'username', message: 'Zu lang: höchstens 320 Zeichen.' },
      { path: 'fromName', message: 'Hier gehört ein Text hin.' },
    ]);
    for (const issue of defaults.issues ?? []) expect(issue.message).not.toMatch(ENGLISH);

    // A contract message with the limit as a value.
    const long = await refusal('participants.add', { exchangeId, name: 'N'.repeat(101), email: 'n@example.com' });
    expect(long.issues).toEqual([{ path: 'name', message: 'Namen sind höchstens 100 Zeichen lang.' }]);
  });

  it('state refusals, the admin API’s own and the unknown operation', async () => {
    await speak('fr');
    await w.t.ok('exchanges.transition', { exchangeId, action: 'cancel' });
    expect(await refusal('exchanges.transition', { exchangeId, action: 'open' })).toMatchObject({
      code: 'invalid_state',
      message: 'Cet échange a été annulé : il ne peut plus changer.',
    });
    expect(await refusal('exchanges.explode', {})).toMatchObject({ code: 'not_found', message: 'Aucune opération ne s’appelle « exchanges.explode ».' });
    const response = await w.request('/rpc/exchanges.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(await response.json()).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Le contenu de la demande n’est pas du JSON valable.' } });
    const stranger = await w.request('/rpc/exchanges.list', { method: 'POST', secret: false });
    expect(await stranger.json()).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Le secret d’administration manque ou n’est pas le bon.' } });
  });

  it('the locked reason of the exchange view follows the language', async () => {
    await w.t.ok('exchanges.transition', { exchangeId, action: 'cancel' });
    expect((await w.t.ok('exchanges.get', { exchangeId })).lockedReason).toBe('This exchange is cancelled; nothing about it can change any more.');
    await speak('es');
    expect((await w.t.ok('exchanges.get', { exchangeId })).lockedReason).toBe('Este intercambio está cancelado: ya no se puede cambiar nada.');
  });

  it('the outbox notices the screens and the tray show follow the language', async () => {
    const ann = (await w.t.ok('participants.list', { exchangeId }))[0]!;
    recordLinksMoved(w.t.deps, { from: 'http://old.example', to: 'http://new.example', at: w.t.deps.clock.now(), participantIds: [ann.id] });
    await speak('de');
    const [notice] = (await w.t.ok('outbox.status', {})).notices;
    // Worded by the organizer's German (the message's own wording is the mail lane's to choose).
    expect(notice?.message).toContain('http://new.example');
    expect(notice?.message).toContain('Ann');
    expect(englishLeft('de', notice?.message ?? '', ['Ann', 'http://old.example', 'http://new.example'])).toEqual([]);
    await speak('en');
    const [english] = (await w.t.ok('outbox.status', {})).notices;
    expect(english?.message).not.toBe(notice?.message);
  });

  it('the mail settings say where the password is kept, in the organizer’s language', async () => {
    await speak('de');
    const german = (await w.t.ok('smtp.get', {})).passwordStore;
    // A file path or variable name (…/smtp-password) is no English sentence.
    expect(englishLeft('de', german.replace(/\S*[/_]\S*/g, ''))).toEqual([]);
    await speak('en');
    expect((await w.t.ok('smtp.get', {})).passwordStore).not.toBe(german);
  });

  it('a draw that cannot be made names the people in the way, in the organizer’s language', async () => {
    await speak('es');
    const check = await w.t.ok('draw.check', { exchangeId });
    expect(check.feasible).toBe(false);
    expect(check.reason).toBe('Hacen falta al menos 2 personas para sortear; solo participa Ann.');
    expect(await refusal('exchanges.draw', { exchangeId })).toMatchObject({ code: 'infeasible', message: 'Hacen falta al menos 2 personas para sortear; solo participa Ann.' });
  });

  it('every contract message is a key of the error section', async () => {
    const { operations, OPERATION_NAMES } = await import('../../../src-main/contract/operations');
    // Each operation's empty input trips its required fields: their messages are words, not keys.
    for (const language of ['de', 'en'] as const) {
      await speak(language);
      for (const name of OPERATION_NAMES) {
        if (operations[name].input.safeParse({}).success) continue;
        const result = await w.t.call(name, {} as never);
        expect(result.ok).toBe(false);
        if (!result.ok) for (const issue of result.error.issues ?? []) expect(issue.message, `${name} ${issue.path}`).not.toMatch(/^error\./);
      }
    }
    expect(Object.keys(CATALOGUES.de).filter((key) => key.startsWith('error.contract.')).length).toBeGreaterThan(40);
  });
});
