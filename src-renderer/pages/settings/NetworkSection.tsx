import { useState } from 'react';
import { NetworkPanel } from '../../components/NetworkPanel';
import { copyText } from '../../lib/download';
import { useT } from '../../lib/i18n';
import { NO_ERRORS, type FormErrors } from '../../lib/issues';
import { useSettings } from '../../stores/settings';

/** Addresses, public URL and quick tunnel, wired to the settings store. */
export function NetworkSection() {
  const { t } = useT();
  const network = useSettings((s) => s.network);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!network) return <p className="muted">{t('admin.app.loading')}</p>;

  const savePublicUrl = async (publicBaseUrl: string | null) => {
    setBusy(true);
    setSaved(false);
    const result = await useSettings.getState().update({ publicBaseUrl });
    if (result.ok) await useSettings.getState().loadNetwork();
    setBusy(false);
    setErrors(result.ok ? NO_ERRORS : result.errors);
    setSaved(result.ok);
  };
  const tunnel = async (start: boolean) => {
    setBusy(true);
    const store = useSettings.getState();
    const result = start ? await store.startTunnel() : await store.stopTunnel();
    setBusy(false);
    setErrors(result.ok ? NO_ERRORS : { general: result.error.message, fields: {} });
  };

  return (
    <NetworkPanel
      key={network.publicBaseUrl ?? ''}
      network={network}
      errors={errors}
      busy={busy}
      saved={saved}
      onSavePublicUrl={(url) => void savePublicUrl(url)}
      onStartTunnel={() => void tunnel(true)}
      onStopTunnel={() => void tunnel(false)}
      onCopy={copyText}
    />
  );
}
