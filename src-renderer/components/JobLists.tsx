import { formatInstant, jobLabel, relativeTime } from '../lib/format';
import { runSummary } from '../lib/job-report';
import type { JobName, JobRun, UpcomingJob } from '../stores/jobs';

export interface UpcomingListProps {
  jobs: readonly UpcomingJob[];
  now: number;
  busy?: boolean;
  onRunNow(job: JobName): void;
}

/** What the app will do next, in human terms, each with "Run now". */
export function UpcomingList(props: UpcomingListProps) {
  return (
    <ul className="list" aria-label="Upcoming jobs">
      {props.jobs.map((job) => (
        <li key={`${job.job}-${job.exchangeId ?? 'all'}-${job.dueAt}`}>
          <div>
            <strong>{jobLabel(job.job)}</strong>
            {job.exchangeName && <span className="muted"> · {job.exchangeName}</span>}
            <div className="muted">
              {job.detail} — {job.dueAt <= props.now ? 'due now' : relativeTime(job.dueAt, props.now)} ({formatInstant(job.dueAt)})
            </div>
          </div>
          <button type="button" className="btn btn--small" disabled={props.busy} onClick={() => props.onRunNow(job.job)}>
            Run now<span className="visually-hidden">: {jobLabel(job.job)}{job.exchangeName ? `, ${job.exchangeName}` : ''}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

const OUTCOME_TONES: Record<JobRun['outcome'], string> = { running: 'warn', ok: 'ok', failed: 'bad', skipped: '' };
const OUTCOME_LABELS: Record<JobRun['outcome'], string> = { running: 'Running', ok: 'Done', failed: 'Failed', skipped: 'Skipped' };

/** The run log: when each job ran, how it ended, and the error if any. */
export function RunTable({ runs }: { runs: readonly JobRun[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Job runs</caption>
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Started</th>
            <th scope="col">Outcome</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className={run.outcome === 'failed' ? 'is-flagged' : undefined}>
              <td>{jobLabel(run.job)}</td>
              <td>{formatInstant(run.startedAt)}</td>
              <td>
                <span className={`badge badge--${OUTCOME_TONES[run.outcome]}`}>{OUTCOME_LABELS[run.outcome]}</span>
              </td>
              <td>{run.error ?? (run.outcome === 'running' ? 'Running…' : runSummary(run.job, run.counts))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
