import { z } from 'zod';
import { Id } from './common';

export { BETWEEN_LIMITS } from './values';

/*
 * Between a Santa and their giftee (issue #19). Messages and addresses are written on the
 * participant pages only; no organizer operation reads or returns them. The organizer's part is
 * the reveal: its setting lives with the exchange's fields, the button is this operation.
 */

/** "Reveal to everyone": each participant's page names their Santa from now on. */
export const RevealSantasInput = z.object({ exchangeId: Id });
