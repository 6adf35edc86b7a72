import type { Catalogue } from './types';

/** German. Participants are addressed informally (docs/translating.md says why). */
export const de: Catalogue = {
  // ── common: Shared by every surface: language names, dates, lists ──
  'common.language': 'Sprache',
  'common.dateTimeInZone': '{date} um {time} Uhr ({zone})',
  // ── end of common ──

  // ── page: Participant pages (src-main/http/participant) ──
  'page.language.label': 'Sprache dieser Seite und deiner E-Mails',
  'page.language.save': 'Sprache ändern',
  // ── end of page ──

  // ── mail: Emails and calendar invitations (src-main/mail) ──
  'mail.footer.language': 'Du bekommst diese E-Mails auf Deutsch.',
  'mail.ics.summary': 'Wichteln: {exchange}',
  // ── end of mail ──

  // ── admin: Organizer screens: app, pages, stores (src-renderer/app, pages, stores) ──
  'admin.settings.language': 'Sprache dieser Ansicht',
  'admin.settings.languageAuto': 'Wie dieser Computer ({language})',
  // ── end of admin ──

  // ── parts: Organizer screens: components and their helpers (src-renderer/components, lib) ──
  'parts.participant.language': 'Sprache',
  'parts.exchange.language': 'Sprache der E-Mails und Seiten',
  // ── end of parts ──

  // ── error: Refusals and errors: forms, the API's message, the contract (codes stay English) ──
  'error.language.unknown': 'Wähle eine dieser Sprachen: {languages}.',
  'error.internal': 'Bei uns ist etwas schiefgegangen. Bitte versuche es noch einmal.',
  // ── end of error ──

  // ── shell: Desktop shell: tray, notifications, dialogs (src-main/electron) ──
  'shell.tray.open': 'Sneaky Klaus öffnen',
  'shell.tray.quit': 'Beenden',
  // ── end of shell ──
};
