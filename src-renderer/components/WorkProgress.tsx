import { workText } from '../lib/work';
import { useWork } from '../stores/work';
import type { WorkProgress } from '@contract';

/** One line per long operation running in the core: what it does and how far it got. */
export function WorkProgressList(props: { running: readonly WorkProgress[] }) {
  if (props.running.length === 0) return null;
  return (
    <div className="stack stack--tight" role="status" aria-live="polite">
      {props.running.map((work) => (
        <div key={work.id} className="stack stack--tight">
          <p>{workText(work)}</p>
          {work.total > 0 ? (
            <progress className="progress" max={work.total} value={work.done} aria-label={workText(work)} />
          ) : (
            <progress className="progress" aria-label={workText(work)} />
          )}
        </div>
      ))}
    </div>
  );
}

/** The list, fed by the `work.progress` events (app/events.ts). */
export function RunningWork() {
  const running = useWork((s) => s.running);
  return <WorkProgressList running={running.map((r) => r.progress)} />;
}
