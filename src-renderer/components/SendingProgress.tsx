import { batchDone, type Batch, type OutboxCounts } from '../lib/progress';

export interface SendingProgressProps {
  batch: Batch;
  counts: OutboxCounts;
  paused: boolean;
}

/** "Sending 12 of 40" while a batch goes out. */
export function SendingProgress(props: SendingProgressProps) {
  const done = batchDone(props.batch, props.counts);
  return (
    <div className="stack stack--tight" role="status">
      <p>
        {props.paused ? 'Sending is paused: ' : 'Sending: '}
        {done} of {props.batch.total} emails done{props.counts.failed > 0 ? `, ${props.counts.failed} failed so far` : ''}.
      </p>
      <progress className="progress" max={props.batch.total} value={done} aria-label="Emails sent" />
    </div>
  );
}
