import type { Catalogue } from './types';

/** French. Participants are addressed informally (docs/translating.md says why). */
export const fr: Catalogue = {
  // ── common: Shared by every surface: language names, dates, lists ──
  'common.language': 'Langue',
  'common.dateTimeInZone': '{date} à {time} ({zone})',
  // ── end of common ──

  // ── page: Participant pages (src-main/http/participant) ──
  'page.language.label': 'Langue de cette page et de tes e-mails',
  'page.language.save': 'Changer de langue',
  // ── end of page ──

  // ── mail: Emails and calendar invitations (src-main/mail) ──
  'mail.footer.language': 'Tu reçois ces e-mails en français.',
  'mail.ics.summary': 'Père Noël secret : {exchange}',
  // ── end of mail ──

  // ── admin: Organizer screens: app, pages, stores (src-renderer/app, pages, stores) ──
  'admin.settings.language': 'Langue de ces écrans',
  'admin.settings.languageAuto': 'Comme cet ordinateur ({language})',
  // ── end of admin ──

  // ── parts: Organizer screens: components and their helpers (src-renderer/components, lib) ──
  'parts.participant.language': 'Langue',
  'parts.exchange.language': 'Langue des e-mails et des pages',
  // ── end of parts ──

  // ── error: Refusals and errors: forms, the API's message, the contract (codes stay English) ──
  'error.language.unknown': 'Choisis l’une de ces langues : {languages}.',
  'error.internal': 'Un problème est survenu de notre côté. Merci de réessayer.',
  // ── end of error ──

  // ── shell: Desktop shell: tray, notifications, dialogs (src-main/electron) ──
  'shell.tray.open': 'Ouvrir Sneaky Klaus',
  'shell.tray.quit': 'Quitter',
  // ── end of shell ──
};
