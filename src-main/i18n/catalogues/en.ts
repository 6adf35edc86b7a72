/**
 * The English catalogue: the source every other language translates, and the list of keys (a key
 * missing from another catalogue fails `npm run typecheck`). ICU message syntax:
 * https://formatjs.github.io/docs/core-concepts/icu-syntax. One section per surface, so people
 * working on different surfaces add keys in different places (docs/translating.md).
 */
export const en = {
  // ── common: Shared by every surface: language names, dates, lists ──
  'common.language': 'Language',
  'common.dateTimeInZone': '{date} at {time} ({zone})',
  // ── end of common ──

  // ── page: Participant pages (src-main/http/participant) ──
  'page.language.label': 'Language of this page and your emails',
  'page.language.save': 'Change language',
  // ── end of page ──

  // ── mail: Emails and calendar invitations (src-main/mail) ──
  'mail.footer.language': 'You get these emails in English.',
  'mail.ics.summary': 'Secret Santa: {exchange}',
  // ── end of mail ──

  // ── admin: Organizer screens: app, pages, stores (src-renderer/app, pages, stores) ──
  'admin.settings.language': 'Language of these screens',
  'admin.settings.languageAuto': 'Same as this computer ({language})',
  // ── end of admin ──

  // ── parts: Organizer screens: components and their helpers (src-renderer/components, lib) ──
  'parts.participant.language': 'Language',
  'parts.exchange.language': 'Language of emails and pages',
  // ── end of parts ──

  // ── error: Refusals and errors: forms, the API's message, the contract (codes stay English) ──
  'error.language.unknown': 'Choose one of these languages: {languages}.',
  'error.internal': 'Something went wrong on our side. Please try again.',
  // ── end of error ──

  // ── shell: Desktop shell: tray, notifications, dialogs (src-main/electron) ──
  'shell.tray.open': 'Open Sneaky Klaus',
  'shell.tray.quit': 'Quit',
  // ── end of shell ──
} satisfies Record<string, string>;
