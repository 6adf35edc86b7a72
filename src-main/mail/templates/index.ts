export type { ExchangeInfo, RenderedEmail } from './types';
export { magicLinkEmail, sharedMagicLinksEmail, type MagicLinkEmailInput, type SharedMagicLinksEmailInput } from './magic-link';
export { welcomeEmail, type WelcomeEmailInput } from './welcome';
export { assignmentChangedEmail, matchEmail, type AssignmentChangedEmailInput, type MatchEmailInput } from './match';
export { reminderEmail, type ReminderEmailInput } from './reminder';
export {
  drawDoneNotice,
  newRegistrationNotice,
  registrationClosedNotice,
  withdrawalNotice,
  type DrawDoneNoticeInput,
  type NewRegistrationNoticeInput,
  type RegistrationClosedNoticeInput,
  type WithdrawalNoticeInput,
} from './organizer-notices';
export { deliveryFailuresNotice, type DeliveryFailuresNoticeInput } from './delivery-failures';
export { purgeWarningEmail, type PurgeWarningEmailInput } from './purge-warning';
export { signupDigestNotice, type SignupDigestInput } from './signup-digest';
export { testEmail, type TestEmailInput } from './test-email';
export { organizerAccessNotice, type OrganizerAccessAction, type OrganizerAccessNoticeInput } from './organizer-access';
export { drawCancelledEmail, exchangeCancelledEmail, exchangeUpdatedEmail, type ChangeNoticeInput } from './changes';
export { newMessageEmail, santaRevealEmail, type NewMessageEmailInput, type SantaRevealEmailInput } from './between';
export { passOnLinkEmail, type PassOnLinkEmailInput } from './pass-on';
export { subjectFor } from './format';
