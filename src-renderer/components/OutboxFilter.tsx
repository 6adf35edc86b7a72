import { useId } from 'react';
import type { OutboxStatus, StatusFilter } from '../stores/outbox';
import './outbox.css';

const LABELS: Record<StatusFilter, string> = { all: 'All', preview: 'Preview', queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed' };

export interface OutboxFilterProps {
  value: StatusFilter;
  options: readonly StatusFilter[];
  counts: OutboxStatus['counts'] | null;
  onChange(filter: StatusFilter): void;
}

/** Status filter as a radio group styled as pills, each with its count. */
export function OutboxFilter(props: OutboxFilterProps) {
  const name = useId();
  return (
    <fieldset>
      <legend className="visually-hidden">Show emails</legend>
      <div className="filters">
        {props.options.map((option) => (
          <label key={option} className="filters__option">
            <input type="radio" name={name} value={option} checked={props.value === option} onChange={() => props.onChange(option)} />
            <span>
              {LABELS[option]}
              {option !== 'all' && props.counts && <span className="filters__count">{props.counts[option]}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
