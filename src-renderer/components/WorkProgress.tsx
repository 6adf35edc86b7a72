import { useT } from '../lib/i18n';
import type { WorkProgress } from '@contract';
import { workText } from '../lib/work';
import { useWork } from '../stores/work';
import { Notice } from './Notice';

/** One notice per long operation running in the core: what it does and how far it got. */
export function WorkProgressList(props: { running: readonly WorkProgress[] }) {
  const t = useT();
  if (props.running.length === 0) return null;
  return (
    <>
      {props.running.map((work) => (
        <Notice key={work.id} tone="info">
          <div className="stack stack--tight">
            <p>{workText(work, t)}</p>
            {work.total > 0 ? (
              <progress className="progress" max={work.total} value={work.done} aria-label={workText(work, t)} />
            ) : (
              <progress className="progress" aria-label={workText(work, t)} />
            )}
          </div>
        </Notice>
      ))}
    </>
  );
}

/** The list, fed by the `work.progress` events (app/events.ts). */
export function RunningWork() {
  const running = useWork((s) => s.running);
  return <WorkProgressList running={running.map((r) => r.progress)} />;
}
