import { useState } from 'react';
import { Card } from '../components/Card';
import { ExchangeForm } from '../components/ExchangeForm';
import { PageHead } from '../components/PageHead';
import { navigate } from '../app/use-route';
import { defaultTimeZone } from '../lib/exchange-checks';
import { ALL_FIELDS, convertExchangeForm, emptyExchangeForm, type ExchangeFormValues } from '../lib/exchange-form';
import { useT } from '../lib/i18n';
import { now } from '../lib/now';
import { NO_ERRORS, type FormErrors } from '../lib/issues';
import { routeHref } from '../lib/route';
import { useExchanges } from '../stores/exchanges';
import { useSettings } from '../stores/settings';

/** Creating an exchange: a name and a date are enough; everything else can follow. */
export function NewExchangePage() {
  const { t } = useT();
  const settings = useSettings((s) => s.settings);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const initial = emptyExchangeForm({
    timezone: defaultTimeZone(settings?.timezone),
    currency: settings?.currency ?? 'EUR',
    reminderDays: settings?.reminderDays ?? [7, 3, 1],
  });

  const submit = async (values: ExchangeFormValues) => {
    const converted = convertExchangeForm(values, now());
    if (!converted.ok) return setErrors(converted.errors);
    setBusy(true);
    const result = await useExchanges.getState().create(converted.fields);
    setBusy(false);
    if (!result.ok) return setErrors(result.errors);
    navigate(routeHref({ page: 'exchange', exchangeId: result.value.id, tab: 'participants' }));
  };

  return (
    <>
      <PageHead
        before={
          <a className="back-link" href="#/exchanges">
            {t('admin.exchange.back')}
          </a>
        }
        title={t('admin.newExchange.title')}
        sub={t('admin.newExchange.sub')}
      />
      <Card title={t('admin.newExchange.card')}>
        <ExchangeForm
          initial={initial}
          errors={errors}
          editableFields={ALL_FIELDS}
          submitLabel={t('admin.newExchange.create')}
          busy={busy}
          onSubmit={(v) => void submit(v)}
          onCancel={() => navigate('#/exchanges')}
        />
      </Card>
    </>
  );
}
