import type { ExchangeState } from './format';

export type ExchangeAction = 'open' | 'unpublish' | 'close' | 'reopen' | 'draw' | 'undo-draw' | 'complete' | 'cancel';

export interface ActionCopy {
  label: string;
  tone: 'primary' | 'plain' | 'danger';
  title: string;
  body: string;
  confirm: string;
  /** The button that backs out, when "Go back" would not say enough. */
  keep?: string;
  /** Said after it worked. */
  done: string;
}

/** Button label and the confirmation question for each state action the core allows. */
export const ACTION_COPY: Record<ExchangeAction, ActionCopy> = {
  open: {
    label: 'Open registration',
    tone: 'primary',
    title: 'Open registration?',
    body: 'People with the invite link can then sign up themselves. You can still add, edit and remove people.',
    confirm: 'Open registration',
    done: 'Registration is open. Share the invite link.',
  },
  unpublish: {
    label: 'Back to draft',
    tone: 'plain',
    title: 'Close the invite page?',
    body: 'The invite link stops accepting sign-ups until you open registration again. Nobody is removed.',
    confirm: 'Back to draft',
    done: 'The exchange is a draft again; the invite link is paused.',
  },
  close: {
    label: 'Close registration',
    tone: 'primary',
    title: 'Close registration?',
    body: 'Nobody else can sign up with the invite link. You can reopen it later, until names are drawn.',
    confirm: 'Close registration',
    done: 'Registration is closed. Check the exclusions, then draw names.',
  },
  reopen: {
    label: 'Reopen registration',
    tone: 'plain',
    title: 'Reopen registration?',
    body: 'People with the invite link can sign up again.',
    confirm: 'Reopen registration',
    done: 'Registration is open again.',
  },
  draw: {
    label: 'Draw names…',
    tone: 'primary',
    title: 'Draw names?',
    body: 'Everyone is emailed their match. Nobody, not even you, sees the result here.',
    confirm: 'Draw names',
    done: 'Names are drawn.',
  },
  'undo-draw': {
    label: 'Undo the draw',
    tone: 'plain',
    title: 'Undo the draw?',
    body: 'The matches are forgotten and registration is closed again, so you can change people or rules and draw again.',
    confirm: 'Undo the draw',
    keep: 'Keep the draw',
    done: 'The draw was undone.',
  },
  complete: {
    label: 'Mark as completed',
    tone: 'plain',
    title: 'Mark as completed?',
    body: 'This happens by itself after the exchange date.',
    confirm: 'Mark as completed',
    done: 'The exchange is completed.',
  },
  cancel: {
    label: 'Cancel exchange',
    tone: 'danger',
    title: 'Cancel this exchange?',
    body: 'Registration and all emails stop, and this cannot be undone. The data is deleted after the retention period.',
    confirm: 'Cancel exchange',
    keep: 'Keep exchange',
    done: 'The exchange is cancelled.',
  },
};

export function isKnownAction(action: string): action is ExchangeAction {
  return Object.hasOwn(ACTION_COPY, action);
}

/** The sentence that tells a first-time organizer what to do next in this state. */
export function nextStep(state: ExchangeState, participantCount: number): { title: string; text: string } {
  switch (state) {
    case 'draft':
      return participantCount < 3
        ? { title: 'Next: add people', text: 'Add participants yourself or import a CSV file, or open registration and share the invite link so people sign up themselves.' }
        : {
            title: 'Next: open registration, or draw names',
            text: 'Open registration to let more people sign up with the invite link, or, when everyone is on the list, check the exclusions and draw names.',
          };
    case 'registration_open':
      return {
        title: 'Next: share the invite link',
        text: 'Send the link or show the QR code. New sign-ups appear in the participants list as they come in. When everyone is in, close registration, or draw names: that closes it too.',
      };
    case 'registration_closed':
      return {
        title: 'Next: check the exclusions, then draw',
        text: 'Say who must not draw whom (partners, households), then draw names. Each person learns their match the way you chose: by email, a printed card, at the table, or a link passed on.',
      };
    case 'matched':
      return { title: 'Names are drawn', text: 'Match emails are in the outbox and reminders are scheduled. The draw stays secret, even from you, unless you reveal it.' };
    case 'completed':
      return { title: 'This exchange is over', text: 'Its data is deleted automatically after the retention period.' };
    case 'cancelled':
      return { title: 'This exchange was cancelled', text: 'Nothing more is sent. Its data is deleted automatically after the retention period.' };
  }
}
