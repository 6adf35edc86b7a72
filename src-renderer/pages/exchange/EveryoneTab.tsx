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
import { useT } from '../../lib/i18n';
import { useEveryone, type CardStyle, type PrintedCards, type TableLink } from '../../stores/everyone';
import type { ExchangeView } from '../../stores/exchanges';
import { useParticipants } from '../../stores/participants';

/**
 * Ways in for people without email (issue #18): the table draw ("pass the phone") and printed
 * cards. Nothing here shows whom anyone drew, except full cards, which the organizer confirms
 * (recorded; each person is told).
 */
export function EveryoneTab({ exchange }: { exchange: ExchangeView }) {
  const { t, list: names, shortDateTime } = useT();
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
    setMessage(result.ok ? { tone: 'success', text: t('admin.everyone.closed') } : { tone: 'error', text: result.error.message });
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
    setMessage({ tone: 'success', text: t('admin.everyone.ready', { count: result.value.cards.length }) });
  };

  return (
    <div className="stack">
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {cards && cards.toReprint.length > 0 && <Notice tone="error">{t('admin.everyone.reprint', { count: cards.toReprint.length, names: names(cards.toReprint) })}</Notice>}
      <Card
        title={t('admin.everyone.table')}
        intro={t('admin.everyone.tableIntro')}
        actions={
          <>
            <button type="button" className="btn btn--primary" disabled={!drawn || busy} onClick={() => void openTable()}>
              {table?.open ? t('admin.everyone.newLink') : t('admin.everyone.open')}
            </button>
            {table?.open && (
              <button type="button" className="btn" disabled={busy} onClick={() => void closeTable()}>
                {t('admin.everyone.end')}
              </button>
            )}
          </>
        }
      >
        {!drawn && <p className="muted">{t('admin.everyone.notYet')}</p>}
        {link && (
          <div className="row">
            <QrImage svg={link.qrSvg} alt={t('admin.everyone.qr')} />
            <div className="stack grow">
              <CopyField label={t('admin.everyone.link')} value={link.url} onCopy={copyText} />
              <p className="muted">{link.expiresAt ? t('admin.everyone.linkUntil', { date: shortDateTime(link.expiresAt, exchange.timezone) }) : t('admin.everyone.linkHint')}</p>
            </div>
          </div>
        )}
        {table && table.people.length > 0 ? (
          <ul className="stack stack--tight everyone-list" aria-label={t('admin.everyone.people')}>
            {table.people.map((p) => (
              <li key={p.id} className="row row--between">
                <span>{p.name}</span>
                <span className={`badge ${p.looked ? 'badge--ok' : ''}`}>{p.looked ? t('admin.everyone.looked') : t('admin.everyone.notLooked')}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('admin.everyone.nobody')}</p>
        )}
      </Card>
      <Card title={t('admin.everyone.cards')} intro={t('admin.everyone.cardsIntro')}>
        <div className="stack">
          <fieldset className="stack stack--tight">
            <legend>{t('admin.everyone.cardsFor')}</legend>
            {active.map((p) => (
              <label key={p.id} className="check">
                <input type="checkbox" checked={selected.has(p.id) && cardable(p)} disabled={!cardable(p)} onChange={() => toggle(p.id)} /> {p.name}
                {p.email === '' ? (
                  <span className="muted"> {t('admin.everyone.noEmail')}</span>
                ) : !cardable(p) ? (
                  <span className="muted"> {t('admin.everyone.hasEmail')}</span>
                ) : null}
              </label>
            ))}
          </fieldset>
          <fieldset className="stack stack--tight">
            <legend>{t('admin.everyone.style')}</legend>
            <label className="check">
              <input type="radio" name="card-style" checked={style === 'name-qr'} onChange={() => setStyle('name-qr')} /> {t('admin.everyone.styleQr')}
            </label>
            <label className="check">
              <input type="radio" name="card-style" checked={style === 'full'} disabled={!drawn} onChange={() => setStyle('full')} /> {t('admin.everyone.styleFull')}
            </label>
          </fieldset>
          <p className="muted">{t('admin.everyone.replaces')}</p>
          <div className="row">
            <button type="button" className="btn btn--primary" disabled={busy || toPrint.length === 0} onClick={() => (style === 'full' ? setAsking(true) : void print(false))}>
              {t('admin.everyone.prepare', { count: toPrint.length })}
            </button>
            {printed && (
              <button type="button" className="btn" onClick={() => window.print()}>
                {t('admin.everyone.print')}
              </button>
            )}
          </div>
          {printed && <PrintSheet printed={printed} exchange={exchange} />}
        </div>
      </Card>
      {printed && createPortal(<div className="print-only">{<PrintSheet printed={printed} exchange={exchange} />}</div>, document.body)}
      {asking && (
        <ConfirmDialog
          title={t('admin.everyone.fullTitle', { count: toPrint.length })}
          confirmLabel={t('admin.everyone.fullConfirm')}
          cancelLabel={t('admin.common.goBack')}
          busy={busy}
          onConfirm={() => void print(true)}
          onCancel={() => setAsking(false)}
        >
          {t('admin.everyone.fullText')}
        </ConfirmDialog>
      )}
    </div>
  );
}
