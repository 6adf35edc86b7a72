import { useEffect, useState } from 'react';
import { Card } from '../components/Card';
import { EmptyState } from '../components/EmptyState';
import { SelectField } from '../components/Fields';
import { RunTable, UpcomingList } from '../components/JobLists';
import { Notice } from '../components/Notice';
import { PageHead } from '../components/PageHead';
import { JOB_NAMES, jobLabel } from '../lib/format';
import { runNowReport, type RunNowReport } from '../lib/job-report';
import { useT } from '../lib/i18n';
import { now } from '../lib/now';
import { groupUpcoming, useJobs, type JobName } from '../stores/jobs';

type Place = 'upcoming' | 'maintenance' | 'form';

/** Background work: what comes next for the exchanges, the housekeeping, what ran (with errors), and "run now". */
export function JobsPage() {
  const { t } = useT();
  const { upcoming, runs, error } = useJobs();
  const [job, setJob] = useState<JobName>('reminders');
  const [busy, setBusy] = useState(false);
  // The answer appears in the card whose button was pressed.
  const [message, setMessage] = useState<(RunNowReport & { from: Place }) | null>(null);
  useEffect(() => {
    void useJobs.getState().load();
  }, []);

  const runNow = async (name: JobName, from: Place) => {
    setBusy(true);
    setMessage(null);
    const result = await useJobs.getState().runNow(name);
    setBusy(false);
    const report: RunNowReport = result.ok ? runNowReport(jobLabel(name), result.value) : { tone: 'error', text: result.error.message };
    setMessage({ ...report, from });
  };
  const sendReminder = async (exchangeId: number) => {
    setBusy(true);
    setMessage(null);
    const result = await useJobs.getState().sendReminderNow(exchangeId);
    setBusy(false);
    const report: RunNowReport = result.ok ? runNowReport(t('admin.jobs.reminder'), result.value) : { tone: 'error', text: result.error.message };
    setMessage({ ...report, from: 'upcoming' });
  };
  const answer = (from: Place) => message?.from === from && <Notice tone={message.tone}>{message.text}</Notice>;
  const groups = upcoming ? groupUpcoming(upcoming) : null;

  return (
    <>
      <PageHead title={t('admin.jobs.title')} sub={t('admin.jobs.sub')} />
      <div className="stack">
        {error && <Notice tone="error">{error}</Notice>}
        <Card title={t('admin.jobs.upcoming')} intro={t('admin.jobs.upcomingIntro')}>
          <div className="stack">
            {answer('upcoming')}
            {groups && groups.exchange.length === 0 && <EmptyState icon="calendar" title={t('admin.jobs.nothing')} text={t('admin.jobs.nothingText')} />}
            {groups && groups.exchange.length > 0 && (
              <UpcomingList
                label={t('admin.jobs.upcoming')}
                jobs={groups.exchange}
                now={now()}
                busy={busy}
                onRunNow={(name) => void runNow(name, 'upcoming')}
                onSendReminder={(id) => void sendReminder(id)}
              />
            )}
          </div>
        </Card>
        <Card title={t('admin.jobs.maintenance')} intro={t('admin.jobs.maintenanceIntro')}>
          <div className="stack">
            {answer('maintenance')}
            {groups && groups.maintenance.length > 0 && (
              <UpcomingList label={t('admin.jobs.maintenance')} jobs={groups.maintenance} now={now()} busy={busy} onRunNow={(name) => void runNow(name, 'maintenance')} />
            )}
          </div>
        </Card>
        <Card title={t('admin.jobs.runTitle')} intro={t('admin.jobs.runIntro')}>
          <div className="stack">
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                void runNow(job, 'form');
              }}
            >
              <SelectField<JobName> label={t('admin.jobs.job')} value={job} options={JOB_NAMES.map((j) => ({ value: j, label: jobLabel(j) }))} onChange={setJob} />
              <button type="submit" className="btn btn--primary" disabled={busy}>
                {t('admin.jobs.runNow')}
              </button>
            </form>
            {answer('form')}
          </div>
        </Card>
        <Card title={t('admin.jobs.history')} intro={t('admin.jobs.historyIntro')}>
          {runs && runs.length === 0 ? <p className="muted">{t('admin.jobs.noRuns')}</p> : runs && <RunTable runs={runs} />}
        </Card>
      </div>
    </>
  );
}
