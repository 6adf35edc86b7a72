import type { Catalogue } from './types';

/** Spanish. Participants are addressed informally (docs/translating.md says why). */
export const es: Catalogue = {
  // ── common: Shared by every surface: language names, dates, lists ──
  'common.language': 'Idioma',
  'common.dateTimeInZone': '{date} a las {time} ({zone})',
  // ── end of common ──

  // ── page: Participant pages (src-main/http/participant) ──
  'page.language.label': 'Idioma de esta página y de tus correos',
  'page.language.save': 'Cambiar idioma',
  // ── end of page ──

  // ── mail: Emails and calendar invitations (src-main/mail) ──
  'mail.footer.language': 'Recibes estos correos en español.',
  'mail.ics.summary': 'Amigo invisible: {exchange}',
  // ── end of mail ──

  // ── admin: Organizer screens: app, pages, stores (src-renderer/app, pages, stores) ──
  'admin.settings.language': 'Idioma de estas pantallas',
  'admin.settings.languageAuto': 'Como este ordenador ({language})',
  // ── end of admin ──

  // ── parts: Organizer screens: components and their helpers (src-renderer/components, lib) ──
  'parts.participant.language': 'Idioma',
  'parts.exchange.language': 'Idioma de los correos y las páginas',
  // ── end of parts ──

  // ── error: Refusals and errors: forms, the API's message, the contract (codes stay English) ──
  'error.language.unknown': 'Elige uno de estos idiomas: {languages}.',
  'error.internal': 'Algo ha fallado por nuestra parte. Vuelve a intentarlo.',
  // ── end of error ──

  // ── shell: Desktop shell: tray, notifications, dialogs (src-main/electron) ──
  'shell.tray.open': 'Abrir Sneaky Klaus',
  'shell.tray.quit': 'Salir',
  // ── end of shell ──
};
