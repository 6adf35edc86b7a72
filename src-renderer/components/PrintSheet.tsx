import { translator, type Locale } from '@i18n';
import { Fragment } from 'react';
import { formatBudget, formatLocal } from '../lib/format';
import { useT } from '../lib/i18n';
import type { PrintedCards } from '../stores/everyone';
import { useParticipants } from '../stores/participants';
import { QrImage } from './QrImage';
import './print.css';

export interface PrintSheetProps {
  printed: PrintedCards;
  exchange: { name: string; exchangeAt: string; location: string; budget: { amount: string; currency: string } | null; locale?: Locale };
  /**
   * Each card's person's own language (null: the exchange's). Without it, the people of the
   * participants list, which the Everyone tab has open.
   */
  localeOf?: (participantId: number) => Locale | null | undefined;
}

/**
 * Folded cards, two to an A4 or Letter page. The upper half is the outside (the name; on the
 * name-and-QR style also the QR code); on the full style the lower half, folded under, holds the
 * giftee, their ideas, the date, place and budget and the QR code of the person's own page.
 * A card is read by its person, so it speaks their language; the sheet around it, the organizer's.
 */
export function PrintSheet({ printed, exchange, localeOf }: PrintSheetProps) {
  const organizer = useT();
  const people = useParticipants((s) => s.list);
  const ownLocale = (id: number) => (localeOf ? localeOf(id) : people?.find((p) => p.id === id)?.locale);
  return (
    <div className="print-sheet" aria-label={organizer.t('parts.print.sheet')}>
      {printed.cards.map((card) => {
        const t = translator(ownLocale(card.participantId) ?? exchange.locale ?? organizer.locale);
        return (
          <article
            key={card.participantId}
            lang={t.locale}
            className={`print-card print-card--${printed.style}`}
            aria-label={organizer.t('parts.print.cardFor', { name: card.name })}
          >
            <div className="print-card__outside">
              <p className="print-card__exchange">{exchange.name}</p>
              <p className="print-card__name">{card.name}</p>
              {card.giftees.length > 0 ? (
                <p className="print-card__hint">{t.t('parts.print.fold')}</p>
              ) : (
                <>
                  <QrImage svg={card.qrSvg} alt={t.t('parts.print.qrAlt', { name: card.name })} />
                  <p className="print-card__hint">{t.t('parts.print.scan')}</p>
                </>
              )}
            </div>
            {card.giftees.length > 0 && (
              <div className="print-card__inside">
                <div className="print-card__text">
                  <p className="print-card__label">{t.t('parts.print.youGiveTo', { count: card.giftees.length })}</p>
                  {card.giftees.map((giftee) => (
                    <Fragment key={giftee.name}>
                      <p className="print-card__giftee">{giftee.name}</p>
                      {giftee.giftIdeas.trim() && <p className="print-card__ideas">{giftee.giftIdeas}</p>}
                    </Fragment>
                  ))}
                  <dl className="print-card__facts">
                    <dt>{t.t('parts.print.when')}</dt>
                    <dd>{formatLocal(exchange.exchangeAt, t)}</dd>
                    {exchange.location && (
                      <>
                        <dt>{t.t('parts.print.where')}</dt>
                        <dd>{exchange.location}</dd>
                      </>
                    )}
                    {exchange.budget && (
                      <>
                        <dt>{t.t('parts.print.budget')}</dt>
                        <dd>{formatBudget(exchange.budget, t)}</dd>
                      </>
                    )}
                  </dl>
                </div>
                <QrImage svg={card.qrSvg} alt={t.t('parts.print.qrAlt', { name: card.name })} />
              </div>
            )}
          </article>
        );
      })}
    </div>
  );
}
