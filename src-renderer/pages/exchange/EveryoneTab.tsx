import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { Card } from '../../components/Card';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyField } from '../../components/CopyField';
import { Notice } from '../../components/Notice';
import { PrintSheet } from '../../components/PrintSheet';
import '../../components/everyone.css';
import { QrImage } from '../../components/QrImage';
import { copyText } from '../../lib/download';
import { formatInstant, plural } from '../../lib/format';
import { useEveryone, type CardStyle, type PrintedCards, type TableLink } from '../../stores/everyone';
import type { ExchangeView } from '../../stores/exchanges';
import { useParticipants } from '../../stores/participants';

/**
 * Ways in for people without email (issue #18): the table draw ("pass the phone") and printed
 * cards. Nothing here shows whom anyone drew, except full cards, which the organizer confirms
 * (recorded; each person is told).
 */
export function EveryoneTab({ exchange }: { exchange: ExchangeView }) {
  const people = useParticipants((s) => (s.exchangeId === exchange.id ? s.list : null));
  const table = useEveryone((s) => (s.exchangeId === exchange.id ? s.table : null));
  const cards = useEveryone((s) => (s.exchangeId === exchange.id ? s.cards : null));
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [link, setLink] = useState<TableLink | null>(null);
  const [busy, setBusy] = useState(false);
  const active = useMemo(() => (people ?? []).filter((p) => !p.withdrawn), [people]);
  const [chosen, setChosen] = useState<Set<number> | null>(null);
  const [style, setStyle] = useState<CardStyle>('name-qr');
  const [asking, setAsking] = useState(false);
  const [printed, setPrinted] = useState<PrintedCards | null>(null);
  const drawn = exchange.state === 'matched';

  useEffect(() => {
    void useEveryone.getState().open(exchange.id);
  }, [exchange.id]);
  // By default, cards for the people who learn their giftee from one.
  const selected = chosen ?? new Set(active.filter((p) => p.delivery === 'card').map((p) => p.id));
  // Name-and-QR cards only for people without email (their way in); anyone may get a full card.
  const cardable = (p: { email: string }) => style === 'full' || p.email === '';
  const toPrint = active.filter((p) => selected.has(p.id) && cardable(p));
  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
  };

  const openTable = async () => {
    setBusy(true);
    const result = await useEveryone.getState().openTable();
    setBusy(false);
    if (result.ok) setLink(result.value);
    setMessage(result.ok ? null : { tone: 'error', text: result.error.message });
  };
  const closeTable = async () => {
    setBusy(true);
    const result = await useEveryone.getState().closeTable();
    setBusy(false);
    setLink(null);
    setMessage(result.ok ? { tone: 'success', text: 'The table draw is closed: the device shows nothing more.' } : { tone: 'error', text: result.error.message });
  };
  const print = async (confirm: boolean) => {
    setBusy(true);
    const result = await useEveryone.getState().print(
      toPrint.map((p) => p.id),
      style,
      confirm,
    );
    setBusy(false);
    setAsking(false);
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    setPrinted(result.value);
    setMessage({ tone: 'success', text: `${plural(result.value.cards.length, 'card is', 'cards are')} ready below. Print them with “Print the cards”.` });
  };

  return (
    <div className="stack">
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {cards && cards.toReprint.length > 0 && (
        <Notice tone="error">
          Print again the cards of {cards.toReprint.join(', ')}: someone joined or left after they were printed, so the old{' '}
          {cards.toReprint.length === 1 ? 'card shows' : 'cards show'} the wrong person.
        </Notice>
      )}
      <Card
        title="The table draw"
        intro="For a party at the table: one phone or tablet goes round, and each person taps their name and sees whom they give to, once. It lists the people whose way is “At the table”."
        actions={
          <>
            <button type="button" className="btn btn--primary" disabled={!drawn || busy} onClick={() => void openTable()}>
              {table?.open ? 'Make a new table link' : 'Open the table draw'}
            </button>
            {table?.open && (
              <button type="button" className="btn" disabled={busy} onClick={() => void closeTable()}>
                End the table draw
              </button>
            )}
          </>
        }
      >
        {!drawn && <p className="muted">The table draw opens once names are drawn.</p>}
        {link && (
          <div className="row">
            <QrImage svg={link.qrSvg} alt="QR code of the table draw link" />
            <div className="stack grow">
              <CopyField label="Table draw link" value={link.url} onCopy={copyText} />
              <p className="muted">
                Open it on the device that goes round the table (scan the code with it). It works on that one device
                {link.expiresAt ? `, until ${formatInstant(link.expiresAt)}` : ''}.
              </p>
            </div>
          </div>
        )}
        {table && table.people.length > 0 ? (
          <ul className="stack stack--tight everyone-list" aria-label="People at the table">
            {table.people.map((p) => (
              <li key={p.id} className="row row--between">
                <span>{p.name}</span>
                <span className={`badge ${p.looked ? 'badge--ok' : ''}`}>{p.looked ? 'Has looked' : 'Not yet'}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nobody learns their giftee at the table yet. Choose “At the table” for them on the Participants tab.</p>
        )}
      </Card>
      <Card title="Printed cards" intro="A folded card per person, with a QR code of their own page: their way in without email.">
        <div className="stack">
          <fieldset className="stack stack--tight">
            <legend>Cards for</legend>
            {active.map((p) => (
              <label key={p.id} className="check">
                <input type="checkbox" checked={selected.has(p.id) && cardable(p)} disabled={!cardable(p)} onChange={() => toggle(p.id)} /> {p.name}
                {p.email === '' ? <span className="muted"> (no email)</span> : !cardable(p) ? <span className="muted"> (has email: a full card only)</span> : null}
              </label>
            ))}
          </fieldset>
          <fieldset className="stack stack--tight">
            <legend>Style</legend>
            <label className="check">
              <input type="radio" name="card-style" checked={style === 'name-qr'} onChange={() => setStyle('name-qr')} /> Name and QR code only: you never see whom they give to
            </label>
            <label className="check">
              <input type="radio" name="card-style" checked={style === 'full'} disabled={!drawn} onChange={() => setStyle('full')} /> Full card: the giftee, ideas, date, place and
              budget under a fold (recorded, and each person is told)
            </label>
          </fieldset>
          <p className="muted">A new card replaces the person’s earlier card: the QR code of an older one stops working.</p>
          <div className="row">
            <button type="button" className="btn btn--primary" disabled={busy || toPrint.length === 0} onClick={() => (style === 'full' ? setAsking(true) : void print(false))}>
              Prepare {plural(toPrint.length, 'card', 'cards')}
            </button>
            {printed && (
              <button type="button" className="btn" onClick={() => window.print()}>
                Print the cards
              </button>
            )}
          </div>
          {printed && <PrintSheet printed={printed} exchange={exchange} />}
        </div>
      </Card>
      {printed && createPortal(<div className="print-only">{<PrintSheet printed={printed} exchange={exchange} />}</div>, document.body)}
      {asking && (
        <ConfirmDialog
          title={`Print ${plural(toPrint.length, 'full card', 'full cards')}?`}
          confirmLabel="Print with the giftee"
          cancelLabel="Go back"
          busy={busy}
          onConfirm={() => void print(true)}
          onCancel={() => setAsking(false)}
        >
          Full cards show whom each person gives to, under a fold, and you will see them on the screen and the printer. Printing them is recorded, and each person is told on their
          page (and by email if they have one). Cards with only the name and QR code need none of this.
        </ConfirmDialog>
      )}
    </div>
  );
}
