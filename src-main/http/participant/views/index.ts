export { checkInboxPage, continuePage, linkInvalidPage, loginPage } from './auth';
export type { CheckInboxModel, ContinuePageModel, LinkInvalidModel, LoginPageModel } from './auth';
export { notFoundPage, rateLimitedPage, requestRefusedPage, serverErrorPage } from './errors';
export type { RateLimitedModel } from './errors';
export type { ExchangeView } from './exchange-details';
export { formatDate, formatDateTime, formatMoney } from './format';
export type { Money } from './format';
export { escapeHtml, html, raw, SafeHtml } from './html';
export { EMPTY_REGISTRATION, FIELD_LIMITS, invitePage, inviteStatusPage } from './invite';
export type {
  InvitePageModel,
  InviteStatusModel,
  InviteStatusReason,
  RegistrationErrors,
  RegistrationField,
  RegistrationValues,
} from './invite';
export { STYLESHEET_URL } from './layout';
export type { Flash } from './layout';
export { mePage } from './me';
export type { MePageModel, MeParticipant } from './me';
export type { MeStage, Receiver } from './me-sections';
export { qrSvg } from '../../../core/qr';
export { leftPage } from './left';
