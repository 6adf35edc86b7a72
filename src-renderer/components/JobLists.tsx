import type { MessageKey } from '@i18n';
import { useT } from '../lib/i18n';
import { formatInstant, jobLabel, relativeTime, upcomingLabel } from '../lib/format';
import { lateness, runResult } from '../lib/job-report';
import type { JobName, JobRun, UpcomingJob } from '../stores/jobs';

export interface UpcomingListProps {
  jobs: readonly UpcomingJob[];
  /** Names the list for screen readers ("Coming up", "Maintenance"). */
  label: string;
  now: number;
  busy?: boolean;
  onRunNow(job: JobName): void;
  /** A reminder can be sent early for its exchange; the other jobs only run when due. */
  onSendReminder?(exchangeId: number): void;
}

function JobButton(props: { job: UpcomingJob; firstReminder: boolean; busy: boolean | undefined; onRunNow(job: JobName): void; onSendReminder?: (exchangeId: number) => void }) {
  const t = useT();
  const { job } = props;
  const about = job.exchangeName ? t.t('parts.jobs.aboutExchange', { job: upcomingLabel(job, t), exchange: job.exchangeName }) : upcomingLabel(job, t);
  // Sending now is one action per exchange: offered on its next reminder only.
  if (job.job === 'reminders') {
    if (!props.firstReminder || job.exchangeId === null || !props.onSendReminder) return null;
    const exchangeId = job.exchangeId;
    return (
      <button type="button" className="btn btn--small" disabled={props.busy} onClick={() => props.onSendReminder?.(exchangeId)}>
        {t.t('parts.jobs.sendReminderNow')}
        <span className="visually-hidden">: {job.exchangeName}</span>
      </button>
    );
  }
  // "Run now" on the deletion of one exchange's data would run the daily purge, which deletes only what is due.
  if (job.group === 'exchange' && job.job === 'data-purge') return null;
  return (
    <button type="button" className="btn btn--small" disabled={props.busy} onClick={() => props.onRunNow(job.job)}>
      {t.t('parts.jobs.runNow')}
      <span className="visually-hidden">: {about}</span>
    </button>
  );
}

/** What the app will do next, in human terms, each with what can be done about it now. */
export function UpcomingList(props: UpcomingListProps) {
  const t = useT();
  const firstReminders = new Set(
    props.jobs.filter((job) => job.job === 'reminders').map((job) => props.jobs.find((other) => other.job === 'reminders' && other.exchangeId === job.exchangeId)),
  );
  return (
    <ul className="list" aria-label={props.label}>
      {props.jobs.map((job) => (
        <li key={`${job.job}-${job.exchangeId ?? 'all'}-${job.dueAt}`}>
          <div>
            <strong>{upcomingLabel(job, t)}</strong>
            {job.exchangeName && <span className="muted"> · {job.exchangeName}</span>}
            <div className="muted">
              {t.t('parts.jobs.due', {
                detail: job.detail,
                when: job.dueAt <= props.now ? t.t('parts.jobs.dueNow') : relativeTime(job.dueAt, props.now, t),
                at: formatInstant(job.dueAt, undefined, t),
              })}
            </div>
          </div>
          <JobButton job={job} firstReminder={firstReminders.has(job)} busy={props.busy} onRunNow={props.onRunNow} onSendReminder={props.onSendReminder} />
        </li>
      ))}
    </ul>
  );
}

const OUTCOME_TONES: Record<JobRun['outcome'], string> = { running: 'warn', ok: 'ok', failed: 'bad', skipped: '' };
const OUTCOME_LABELS: Record<JobRun['outcome'], MessageKey> = {
  running: 'parts.jobs.outcomeRunning',
  ok: 'parts.jobs.outcomeOk',
  failed: 'parts.jobs.outcomeFailed',
  skipped: 'parts.jobs.outcomeSkipped',
};

/** The run log: when each job ran, how it ended, and the error if any. */
export function RunTable({ runs }: { runs: readonly JobRun[] }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t.t('parts.jobs.runs')}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('parts.jobs.job')}</th>
            <th scope="col">{t.t('parts.jobs.started')}</th>
            <th scope="col">{t.t('parts.jobs.outcome')}</th>
            <th scope="col">{t.t('parts.jobs.result')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} className={run.outcome === 'failed' ? 'is-flagged' : undefined}>
              <td>{jobLabel(run.job, t)}</td>
              <td>
                {formatInstant(run.startedAt, undefined, t)}
                {lateness(run, t) && <div className="muted">{lateness(run, t)}</div>}
              </td>
              <td>
                <span className={`badge badge--${OUTCOME_TONES[run.outcome]}`}>{t.t(OUTCOME_LABELS[run.outcome])}</span>
              </td>
              <td>{runResult(run, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
