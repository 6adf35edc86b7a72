import type { MessageKey } from '@i18n';
import { useT } from '../lib/i18n';
import { useId } from 'react';
import type { OutboxStatus, StatusFilter } from '../stores/outbox';
import './outbox.css';

const LABELS: Record<StatusFilter, MessageKey> = {
  all: 'parts.outbox.all',
  preview: 'parts.outbox.preview',
  queued: 'parts.outbox.queued',
  sending: 'parts.outbox.sending',
  sent: 'parts.outbox.sent',
  failed: 'parts.outbox.failed',
};

export interface OutboxFilterProps {
  value: StatusFilter;
  options: readonly StatusFilter[];
  counts: OutboxStatus['counts'] | null;
  onChange(filter: StatusFilter): void;
}

/** Status filter as a radio group styled as pills, each with its count. */
export function OutboxFilter(props: OutboxFilterProps) {
  const name = useId();
  const t = useT();
  return (
    <fieldset>
      <legend className="visually-hidden">{t.t('parts.outbox.show')}</legend>
      <div className="filters">
        {props.options.map((option) => (
          <label key={option} className="filters__option">
            <input type="radio" name={name} value={option} checked={props.value === option} onChange={() => props.onChange(option)} />
            <span>
              {t.t(LABELS[option])}
              {option !== 'all' && props.counts && <span className="filters__count">{t.number(props.counts[option])}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
