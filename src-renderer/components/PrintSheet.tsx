import { Fragment } from 'react';
import type { PrintedCards } from '../stores/everyone';
import { formatBudget, formatLocal } from '../lib/format';
import { QrImage } from './QrImage';
import './print.css';

export interface PrintSheetProps {
  printed: PrintedCards;
  exchange: { name: string; exchangeAt: string; location: string; budget: { amount: string; currency: string } | null };
}

/**
 * Folded cards, two to an A4 or Letter page. The upper half is the outside (the name; on the
 * name-and-QR style also the QR code); on the full style the lower half, folded under, holds the
 * giftee, their ideas, the date, place and budget and the QR code of the person's own page.
 */
export function PrintSheet({ printed, exchange }: PrintSheetProps) {
  return (
    <div className="print-sheet" aria-label="Cards to print">
      {printed.cards.map((card) => (
        <article key={card.participantId} className={`print-card print-card--${printed.style}`} aria-label={`Card for ${card.name}`}>
          <div className="print-card__outside">
            <p className="print-card__exchange">{exchange.name}</p>
            <p className="print-card__name">{card.name}</p>
            {card.giftees.length > 0 ? (
              <p className="print-card__hint">Fold here. Open it when nobody is looking.</p>
            ) : (
              <>
                <QrImage svg={card.qrSvg} alt={`QR code of ${card.name}'s page`} />
                <p className="print-card__hint">Scan this with your phone to see whom you give to. Keep it to yourself.</p>
              </>
            )}
          </div>
          {card.giftees.length > 0 && (
            <div className="print-card__inside">
              <div className="print-card__text">
                <p className="print-card__label">{card.giftees.length === 1 ? 'You give a gift to' : 'You give gifts to'}</p>
                {card.giftees.map((giftee) => (
                  <Fragment key={giftee.name}>
                    <p className="print-card__giftee">{giftee.name}</p>
                    {giftee.giftIdeas.trim() && <p className="print-card__ideas">{giftee.giftIdeas}</p>}
                  </Fragment>
                ))}
                <dl className="print-card__facts">
                  <dt>When</dt>
                  <dd>{formatLocal(exchange.exchangeAt)}</dd>
                  {exchange.location && (
                    <>
                      <dt>Where</dt>
                      <dd>{exchange.location}</dd>
                    </>
                  )}
                  {exchange.budget && (
                    <>
                      <dt>Budget</dt>
                      <dd>{formatBudget(exchange.budget)}</dd>
                    </>
                  )}
                </dl>
              </div>
              <QrImage svg={card.qrSvg} alt={`QR code of ${card.name}'s page`} />
            </div>
          )}
        </article>
      ))}
    </div>
  );
}
