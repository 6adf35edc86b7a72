import { useT } from '../lib/i18n';
import { batchDone, type Batch, type OutboxCounts } from '../lib/progress';

export interface SendingProgressProps {
  batch: Batch;
  counts: OutboxCounts;
  paused: boolean;
}

/** "Sending 12 of 40" while a batch goes out. */
export function SendingProgress(props: SendingProgressProps) {
  const done = batchDone(props.batch, props.counts);
  const t = useT();
  const values = { done: t.number(done), total: props.batch.total, failed: props.counts.failed };
  return (
    <div className="stack stack--tight" role="status">
      <p>
        {props.counts.failed > 0
          ? t.t(props.paused ? 'parts.sending.pausedFailed' : 'parts.sending.progressFailed', values)
          : t.t(props.paused ? 'parts.sending.paused' : 'parts.sending.progress', values)}
      </p>
      <progress className="progress" max={props.batch.total} value={done} aria-label={t.t('parts.sending.label')} />
    </div>
  );
}
