import { useEffect, useState } from 'react';
import { Card } from '../components/Card';
import { EmptyState } from '../components/EmptyState';
import { SelectField } from '../components/Fields';
import { RunTable, UpcomingList } from '../components/JobLists';
import { Notice } from '../components/Notice';
import { PageHead } from '../components/PageHead';
import { JOB_NAMES, jobLabel } from '../lib/format';
import { now } from '../lib/now';
import { useJobs, type JobName } from '../stores/jobs';

/** Background work: what comes next, what ran (with errors), and "run now". */
export function JobsPage() {
  const { upcoming, runs, error } = useJobs();
  const [job, setJob] = useState<JobName>('reminders');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => {
    void useJobs.getState().load();
  }, []);

  const runNow = async (name: JobName) => {
    setBusy(true);
    const result = await useJobs.getState().runNow(name);
    setBusy(false);
    const failed = result.ok ? result.value.runs.filter((r) => r.outcome === 'failed') : [];
    setMessage(
      !result.ok
        ? { tone: 'error', text: result.error.message }
        : failed.length > 0
          ? { tone: 'error', text: `${jobLabel(name)} failed: ${failed[0]?.error ?? 'see the history below'}` }
          : { tone: 'success', text: `${jobLabel(name)} ran.` },
    );
  };

  return (
    <>
      <PageHead title="Jobs" sub="Sneaky Klaus does some work on its own: reminders, closing registration, tidying up. Anything missed while the computer was off runs when it is back." />
      <div className="stack">
        {error && <Notice tone="error">{error}</Notice>}
        {message && <Notice tone={message.tone}>{message.text}</Notice>}
        <Card title="Coming up">
          {upcoming && upcoming.length === 0 && <EmptyState icon="calendar" title="Nothing scheduled" text="Reminders are scheduled when names are drawn." />}
          {upcoming && upcoming.length > 0 && <UpcomingList jobs={upcoming} now={now()} busy={busy} onRunNow={(name) => void runNow(name)} />}
        </Card>
        <Card title="Run a job now" intro="Jobs only act on what is due; running one early is safe.">
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void runNow(job);
            }}
          >
            <SelectField<JobName> label="Job" value={job} options={JOB_NAMES.map((j) => ({ value: j, label: jobLabel(j) }))} onChange={setJob} />
            <button type="submit" className="btn btn--primary" disabled={busy}>
              Run now
            </button>
          </form>
        </Card>
        <Card title="History" intro="The latest runs, newest first.">
          {runs && runs.length === 0 ? <p className="muted">No job has run yet.</p> : runs && <RunTable runs={runs} />}
        </Card>
      </div>
    </>
  );
}
