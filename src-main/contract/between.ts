import { z } from 'zod';
import { Id } from './common';

/**
 * Between a Santa and their giftee (issue #19). Messages and addresses are written on the
 * participant pages only; no organizer operation reads or returns them. The organizer's part is
 * the reveal: its setting lives with the exchange's fields, the button is this operation.
 */
export const BETWEEN_LIMITS = {
  /** Characters in one message. */
  message: 1000,
  /** Characters in a postal address. */
  address: 400,
} as const;

/** "Reveal to everyone": each participant's page names their Santa from now on. */
export const RevealSantasInput = z.object({ exchangeId: Id });
