import type { Hono } from 'hono';
import { DomainError } from '../../core/errors';
import { checkAddress, saveAddress } from '../../services/between/address';
import { checkMessage, MESSAGE_RATE, sendMessage } from '../../services/between/messages';
import type { Deps } from '../../services/common/deps';
import { refusal, render, withSession } from './routes-me';
import { addressError, messageError } from './views/field-errors';

/** The forms between a Santa and their giftee on the participant's page: messages and the address. */
export function betweenRoutes(app: Hono, deps: Deps): void {
  app.post(
    '/me/messages',
    withSession(deps, async (p, participant) => {
      const form = await p.form();
      if (form instanceof Response) return form;
      const ref = form.get('thread') ?? '';
      const raw = form.get('body') ?? '';
      const checked = checkMessage(raw);
      if (!checked.ok) return render(p, participant, { betweenErrors: { message: { ref, error: messageError(p.t, raw), draft: raw.slice(0, 5000) } } }, 400);
      // Each message emails the other side: a flood would be a flood of mail.
      const limited = p.limit(`between-message:${participant.id}`, MESSAGE_RATE);
      if (limited) return limited;
      try {
        sendMessage(deps, participant, ref, checked.body);
      } catch (error) {
        if (error instanceof DomainError) return render(p, participant, { flash: refusal(p.t, error) }, 409);
        throw error;
      }
      return p.c.redirect('/me?done=message#messages', 303);
    }),
  );

  app.post(
    '/me/address',
    withSession(deps, async (p, participant) => {
      const form = await p.form();
      if (form instanceof Response) return form;
      const raw = form.get('address') ?? '';
      const checked = checkAddress(raw);
      if (!checked.ok) return render(p, participant, { betweenErrors: { address: { error: addressError(p.t, raw), draft: raw.slice(0, 2000) } } }, 400);
      try {
        saveAddress(deps, participant, checked.address, form.get('inMatchEmail') === 'yes');
      } catch (error) {
        if (error instanceof DomainError) return render(p, participant, { flash: refusal(p.t, error) }, 409);
        throw error;
      }
      return p.c.redirect(checked.address === '' ? '/me?done=address-removed#address' : '/me?done=address#address', 303);
    }),
  );
}
