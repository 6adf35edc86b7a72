import { describe, expect, it } from 'vitest';
import { translator, type Locale } from '../../../src-main/i18n';
import { classifySmtpError, diagnoseSmtpError } from '../../../src-main/mail/diagnose';
import { smtpPresets } from '../../../src-main/mail/presets';

/*
 * What the organizer reads about a mail server problem, and the help next to each provider, in the
 * organizer's language. The errors are shaped as nodemailer throws them (see diagnose.test.ts,
 * which provokes them from real servers).
 */

const ERRORS: Array<[string, unknown]> = [
  ['bad password', { code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, response: '535 5.7.8 Username and Password not accepted' }],
  ['no password', { code: 'EAUTH', message: 'Missing credentials for "PLAIN"' }],
  ['wrong port security', { code: 'ESOCKET', message: 'wrong version number' }],
  ['certificate', { code: 'ESOCKET', originalCode: 'CERT_HAS_EXPIRED', message: 'certificate has expired' }],
  ['greeting timeout', { code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' }],
  ['unknown host', { code: 'EDNS', originalCode: 'ENOTFOUND' }],
  ['offline', { code: 'EDNS', originalCode: 'EAI_AGAIN' }],
  ['refused', { code: 'ESOCKET', originalCode: 'ECONNREFUSED' }],
  ['greylisted', { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 451, response: '451 4.7.1 Greylisted' }],
  ['quota', { code: 'EMESSAGE', responseCode: 554, response: '554 5.7.0 Daily sending limit exceeded' }],
  ['sender', { code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 553, response: '553 5.7.1 Sender rejected' }],
  ['recipient', { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, response: '550 5.1.1 No such user' }],
  ['protocol', { code: 'EPROTOCOL', message: 'Invalid greeting' }],
  ['anything else', new Error('Boom')],
];

/** Words of the English explanations; none may be left in a translated one (server quotes aside). */
const ENGLISH = /\b(the|mail server|your|check|please|password|could not|was not|try again|port number|usually)\b/i;

describe.each(['de', 'fr', 'es'] as const)('SMTP problems explained in %s', (locale: Locale) => {
  const t = translator(locale);
  it.each(ERRORS)('%s', (_name, error) => {
    const english = diagnoseSmtpError(error, 'gmail');
    const translated = diagnoseSmtpError(error, 'gmail', t);
    expect(translated.kind).toBe(english.kind);
    expect(translated.message).not.toBe(english.message);
    // The server's own words stay as it sent them; the rest is ours and must be translated.
    const ours = translated.message.replace(/[„«“"].*?[“»"]/g, '').replace(/Boom/, '');
    expect(ours).not.toMatch(ENGLISH);
  });
});

describe('the organizer’s language in explanations', () => {
  it('names the provider and quotes the server in German', () => {
    const error = { code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, response: '535 5.7.8 Bad credentials' };
    expect(diagnoseSmtpError(error, 'gmail', translator('de')).message).toBe(
      'Der Mailserver hat Benutzername oder Passwort nicht angenommen. Gmail nimmt hier dein normales Passwort nicht an: Erstelle in den Sicherheitseinstellungen deines Gmail-Kontos ein App-Passwort und füge es stattdessen ein. Der Server meldete: „535 5.7.8 Bad credentials“.',
    );
    expect(classifySmtpError(error, undefined, translator('es'))).toMatchObject({ kind: 'auth', temporary: false });
    expect(diagnoseSmtpError(new Error('Boom'), undefined, translator('fr')).message).toBe('L’envoi a échoué\u00a0: Boom.');
  });

  it('keeps English when no translator is given', () => {
    expect(diagnoseSmtpError({ code: 'EDNS', originalCode: 'ENOTFOUND' }).message).toBe(
      'The mail server’s name was not found. Check the server name for typos (for example smtp.gmail.com).',
    );
  });
});

describe('SMTP presets', () => {
  it('word their help and the custom label in the organizer’s language, the rest unchanged', () => {
    const en = smtpPresets(translator('en'));
    for (const locale of ['de', 'fr', 'es'] as const) {
      const presets = smtpPresets(translator(locale));
      expect(presets.map((p) => [p.id, p.host, p.port, p.security])).toEqual(en.map((p) => [p.id, p.host, p.port, p.security]));
      presets.forEach((p, i) => expect(p.hint).not.toBe(en[i]!.hint));
    }
    expect(smtpPresets(translator('fr')).find((p) => p.id === 'custom')?.label).toBe('Autre (serveur personnalisé)');
    expect(smtpPresets(translator('de')).find((p) => p.id === 'gmail')?.hint).toContain('Bestätigung in zwei Schritten');
  });
});
