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
import type { MatchModeName } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useExchange } from '../../stores/exchange';
import type { ExchangeView } from '../../stores/exchanges';
import { useParticipants } from '../../stores/participants';
import { shownCheck, useRules } from '../../stores/rules';

type Asking = 'draw' | 'reveal' | null;

/** Drawing names (with the mode and the live check) and, once drawn, the secret and its reveal. */
export function DrawTab({ exchange }: { exchange: ExchangeView }) {
  const { t, shortDateTime } = useT();
  const check = useRules(shownCheck);
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
              text: t('admin.draw.done', { people: result.value.participantCount, emails: result.value.emailsQueued }),
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
        <Notice tone="info" title={t('admin.draw.notes')}>
          {notes.join(' ')}
        </Notice>
      )}
      {exchange.state === 'registration_open' && (
        <Notice tone="info" title={t('admin.draw.openTitle')}>
          {t('admin.draw.openText')}
        </Notice>
      )}
      {!drawn && exchange.state !== 'cancelled' && (
        <Card title={t('admin.draw.title')} intro={t('admin.draw.intro', { gifts: exchange.giftsPerPerson })}>
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
                {t('admin.draw.title')}
              </button>
            </div>
          </div>
        </Card>
      )}
      {drawn && (
        <Card title={t('admin.draw.secretTitle')} intro={exchange.drawnAt ? t('admin.draw.drawnAt', { date: shortDateTime(exchange.drawnAt, exchange.timezone) }) : undefined}>
          <div className="stack">
            <div className="secret">
              <Icon name="secret" className="secret__art" />
              <p>{t('admin.draw.secretText')}</p>
            </div>
            {exchange.drawMethod && <p className="muted">{drawMethodText(exchange.drawMethod)}</p>}
            {revealed ? (
              <>
                <RevealTable reveal={revealed} />
                <div className="row row--end">
                  <button type="button" className="btn" onClick={() => useExchange.getState().hideReveal()}>
                    {t('admin.draw.hide')}
                  </button>
                </div>
              </>
            ) : (
              <div className="row row--end">
                <button type="button" className="btn btn--danger" onClick={() => setAsking('reveal')}>
                  {t('admin.draw.reveal')}
                </button>
              </div>
            )}
          </div>
        </Card>
      )}
      {drawn && <SantaRevealCard exchange={exchange} now={now()} busy={busy} error={santaError} onReveal={() => void revealSantas()} />}
      {asking === 'draw' && (
        <ConfirmDialog title={t('admin.draw.confirmTitle')} confirmLabel={t('admin.draw.title')} busy={busy} onConfirm={() => void confirm()} onCancel={cancel}>
          {t('admin.draw.confirmText', {
            count: check?.participantCount ?? exchange.participantCount,
            open: exchange.state === 'registration_open' ? 'yes' : 'no',
            gifts: exchange.giftsPerPerson,
          })}
        </ConfirmDialog>
      )}
      {asking === 'reveal' && (
        <ConfirmDialog
          title={t('admin.draw.revealTitle')}
          confirmLabel={t('admin.draw.revealConfirm')}
          cancelLabel={t('admin.common.keepSecret')}
          danger
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={cancel}
        >
          {t('admin.draw.revealText')}
        </ConfirmDialog>
      )}
    </div>
  );
}
