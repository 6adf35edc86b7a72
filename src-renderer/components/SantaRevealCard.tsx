import { useState } from 'react';
import type { OperationOutput } from '@contract';
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
function status(e: ExchangeView, now: number): string {
  const at = e.santasRevealedAt;
  const email = e.santaRevealEmail ? ' Each also gets an email.' : '';
  switch (e.santaReveal) {
    case 'never':
      return 'Participants never learn who their Santa was from Sneaky Klaus. You can change this under Overview while the exchange is not over.';
    case 'after_party':
      return at !== null && at <= now
        ? `Since ${formatInstant(at, e.timezone)}, each participant’s page says who their Santa was.${email}`
        : `After the party (${formatInstant(e.exchangeAtUtc, e.timezone)}), each participant’s page will say who their Santa was.${email}`;
    case 'manual':
      return at !== null
        ? `Revealed to everyone on ${formatInstant(at, e.timezone)}: each participant’s page says who their Santa was.${email}`
        : `When you press “Reveal to everyone”, each participant’s page will say who their Santa was.${email}`;
  }
}

/** "Who was my Santa?" for the participants. You still see no pair: this is not the reveal of the draw. */
export function SantaRevealCard(props: SantaRevealCardProps) {
  const [asking, setAsking] = useState(false);
  const e = props.exchange;
  const canPress = e.santaReveal === 'manual' && e.santasRevealedAt === null;
  return (
    <Card title="Who was my Santa?" intro={status(e, props.now)}>
      {props.error && <Notice tone="error">{props.error}</Notice>}
      {canPress && (
        <div className="row row--end">
          <button type="button" className="btn btn--primary" disabled={props.busy} onClick={() => setAsking(true)}>
            Reveal to everyone
          </button>
        </div>
      )}
      {asking && (
        <ConfirmDialog
          title="Tell everyone who their Santa was?"
          confirmLabel="Reveal to everyone"
          cancelLabel="Not yet"
          busy={props.busy}
          onConfirm={() => {
            setAsking(false);
            props.onReveal();
          }}
          onCancel={() => setAsking(false)}
        >
          Each participant’s page will name their own Secret Santa{e.santaRevealEmail ? ', and each gets an email' : ''}. You will not see any pair. Do this after the gifts are
          given.
        </ConfirmDialog>
      )}
    </Card>
  );
}
