import { useState } from 'react';
import type { OperationOutput } from '@contract';
import type { Translator } from '@i18n';
import { useT } from '../lib/i18n';
import { formatInstant } from '../lib/format';
import { Card } from './Card';
import { ConfirmDialog } from './ConfirmDialog';
import { Notice } from './Notice';

type ExchangeView = OperationOutput<'exchanges.get'>;

export interface SantaRevealCardProps {
  exchange: ExchangeView;
  now: number;
  busy: boolean;
  error: string | null;
  onReveal(): void;
}

/** What the exchange's reveal setting means now, and its button; separate from the organizer's own reveal of all pairs. */
function status(e: ExchangeView, now: number, t: Translator): string {
  const at = e.santasRevealedAt;
  const sentence = (() => {
    switch (e.santaReveal) {
      case 'never':
        return t.t('parts.santa.never');
      case 'after_party':
        return at !== null && at <= now
          ? t.t('parts.santa.afterPartyDone', { at: formatInstant(at, e.timezone, t) })
          : t.t('parts.santa.afterPartyLater', { at: formatInstant(e.exchangeAtUtc, e.timezone, t) });
      case 'manual':
        return at !== null ? t.t('parts.santa.manualDone', { at: formatInstant(at, e.timezone, t) }) : t.t('parts.santa.manualLater');
    }
  })();
  return e.santaReveal !== 'never' && e.santaRevealEmail ? `${sentence} ${t.t('parts.santa.alsoEmail')}` : sentence;
}

/** "Who was my Santa?" for the participants. You still see no pair: this is not the reveal of the draw. */
export function SantaRevealCard(props: SantaRevealCardProps) {
  const [asking, setAsking] = useState(false);
  const t = useT();
  const e = props.exchange;
  const canPress = e.santaReveal === 'manual' && e.santasRevealedAt === null;
  return (
    <Card title={t.t('parts.santa.title')} intro={status(e, props.now, t)}>
      {props.error && <Notice tone="error">{props.error}</Notice>}
      {canPress && (
        <div className="row row--end">
          <button type="button" className="btn btn--primary" disabled={props.busy} onClick={() => setAsking(true)}>
            {t.t('parts.santa.reveal')}
          </button>
        </div>
      )}
      {asking && (
        <ConfirmDialog
          title={t.t('parts.santa.confirmTitle')}
          confirmLabel={t.t('parts.santa.reveal')}
          cancelLabel={t.t('parts.santa.notYet')}
          busy={props.busy}
          onConfirm={() => {
            setAsking(false);
            props.onReveal();
          }}
          onCancel={() => setAsking(false)}
        >
          {e.santaRevealEmail ? t.t('parts.santa.confirmBodyEmail') : t.t('parts.santa.confirmBody')}
        </ConfirmDialog>
      )}
    </Card>
  );
}
