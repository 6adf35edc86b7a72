import { useCallback, useMemo, useState } from 'react';
import { Card } from '../../components/Card';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { FeasibilityNotice } from '../../components/FeasibilityNotice';
import { ModePicker } from '../../components/ModePicker';
import { Notice } from '../../components/Notice';
import { RevealTable } from '../../components/RevealTable';
import { SantaRevealCard } from '../../components/SantaRevealCard';
import { now } from '../../lib/now';
import '../../components/draw.css';
import { avoidedExchangesText, drawMethodText } from '../../lib/draw-text';
import { formatInstant, plural, type MatchModeName } from '../../lib/format';
import { useExchange } from '../../stores/exchange';
import type { ExchangeView } from '../../stores/exchanges';
import { useParticipants } from '../../stores/participants';
import { useRules } from '../../stores/rules';

type Asking = 'draw' | 'reveal' | null;

/** Drawing names (with the mode and the live check) and, once drawn, the secret and its reveal. */
export function DrawTab({ exchange }: { exchange: ExchangeView }) {
  const check = useRules((s) => s.check);
  const rules = useRules((s) => (s.exchangeId === exchange.id ? s.rules : null));
  const chosen = useRules((s) => s.mode) ?? exchange.matchMode;
  const revealed = useExchange((s) => s.revealed);
  const people = useParticipants((s) => s.list);
  const names = useMemo(() => new Map((people ?? []).map((p) => [p.id, p.name])), [people]);
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [santaError, setSantaError] = useState<string | null>(null);
  const revealSantas = async () => {
    setBusy(true);
    const result = await useExchange.getState().revealSantas();
    setSantaError(result.ok ? null : result.error.message);
    setBusy(false);
  };
  // Sentences the draw answered for the organizer (a must-draw pair that repeats an earlier pair).
  const [notes, setNotes] = useState<string[]>([]);
  const cancel = useCallback(() => setAsking(null), []);
  const drawn = exchange.state === 'matched' || exchange.state === 'completed';
  // A hand-made list is drawn from the draft; drawing while registration is open closes it.
  const ready = exchange.state === 'draft' || exchange.state === 'registration_open' || exchange.state === 'registration_closed';
  const current = check && check.mode === chosen ? check : null;

  const confirm = async () => {
    setBusy(true);
    const store = useExchange.getState();
    if (asking === 'draw') {
      const result = await store.draw(chosen);
      setMessage(
        result.ok
          ? {
              tone: 'success',
              text: `Names are drawn for ${plural(result.value.participantCount, 'person', 'people')}. ${plural(result.value.emailsQueued, 'match email is', 'match emails are')} in the outbox.`,
            }
          : { tone: 'error', text: result.error.message },
      );
      setNotes(result.ok ? result.value.notes : []);
    } else if (asking === 'reveal') {
      const result = await store.reveal();
      if (!result.ok) setMessage({ tone: 'error', text: result.error.message });
    }
    setBusy(false);
    setAsking(null);
  };

  return (
    <div className="stack">
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {notes.length > 0 && (
        <Notice tone="info" title="Drawn as you asked">
          {notes.join(' ')}
        </Notice>
      )}
      {exchange.state === 'registration_open' && (
        <Notice tone="info" title="Registration is still open.">
          Drawing names closes it: nobody else can sign up with the invite link. Draw when everyone is in.
        </Notice>
      )}
      {!drawn && exchange.state !== 'cancelled' && (
        <Card title="Draw names" intro={`${drawIntro(exchange.giftsPerPerson)} The result stays secret, even from you.`}>
          <div className="stack">
            <ModePicker
              value={chosen}
              feasible={current?.feasibleModes ?? null}
              disabled={!ready || busy}
              onChange={(mode: MatchModeName) => void useRules.getState().recheck(mode)}
            />
            <FeasibilityNotice check={current} names={names} />
            {rules && <p className="muted">{avoidedExchangesText(rules.avoidPastExchanges, rules.avoidedExchanges)}</p>}
            <div className="row row--end">
              <button type="button" className="btn btn--primary" disabled={!ready || busy || !current?.feasible} onClick={() => setAsking('draw')}>
                Draw names
              </button>
            </div>
          </div>
        </Card>
      )}
      {drawn && (
        <Card title="The draw is secret" intro={exchange.drawnAt ? `Names were drawn on ${formatInstant(exchange.drawnAt, exchange.timezone)}.` : undefined}>
          <div className="stack">
            <div className="secret">
              <Icon name="secret" className="secret__art" />
              <p>
                Sneaky Klaus does not show you the result, so you can take part too. Each person finds their match in their email (or on their card, at the table, or through the
                link passed on to them) and on their personal page. If you really need to see it (for example to sort out a problem), you can reveal it; that is recorded, and
                everyone is told.
              </p>
            </div>
            {exchange.drawMethod && <p className="muted">{drawMethodText(exchange.drawMethod)}</p>}
            {revealed ? (
              <>
                <RevealTable reveal={revealed} />
                <div className="row row--end">
                  <button type="button" className="btn" onClick={() => useExchange.getState().hideReveal()}>
                    Hide the draw again
                  </button>
                </div>
              </>
            ) : (
              <div className="row row--end">
                <button type="button" className="btn btn--danger" onClick={() => setAsking('reveal')}>
                  Reveal the draw
                </button>
              </div>
            )}
          </div>
        </Card>
      )}
      {drawn && <SantaRevealCard exchange={exchange} now={now()} busy={busy} error={santaError} onReveal={() => void revealSantas()} />}
      {asking === 'draw' && (
        <ConfirmDialog title="Draw names now?" confirmLabel="Draw names" busy={busy} onConfirm={() => void confirm()} onCancel={cancel}>
          {plural(check?.participantCount ?? exchange.participantCount, 'person takes', 'people take')} part.{' '}
          {exchange.state === 'registration_open' ? 'Registration closes now, so nobody else can sign up. ' : ''}Each learns their{' '}
          {exchange.giftsPerPerson > 1 ? 'giftees' : 'match'} the way you chose (email, card, table or a link passed on), and reminders are scheduled. You can undo the draw until
          the emails go out.
        </ConfirmDialog>
      )}
      {asking === 'reveal' && (
        <ConfirmDialog title="Reveal the whole draw?" confirmLabel="Reveal" cancelLabel="Keep it secret" danger busy={busy} onConfirm={() => void confirm()} onCancel={cancel}>
          You will see every pair, including your own Secret Santa if you take part. This cannot be unseen; the reveal is recorded, and every participant is told by email and on
          their page.
        </ConfirmDialog>
      )}
    </div>
  );
}

/** What the draw does for people, in the organizer's words: how each learns their giftees. */
function drawIntro(giftsPerPerson: number): string {
  const what = giftsPerPerson > 1 ? `the ${giftsPerPerson} people they buy presents for` : 'the person they buy a present for';
  return `Each person learns ${what} the way you chose for them on the Participants tab: by email, a printed card, at the table, or a link someone passes on.`;
}
