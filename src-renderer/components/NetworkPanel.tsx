import { useT } from '../lib/i18n';
import { FormattedMessage } from 'react-intl';
import { useState, type FormEvent } from 'react';
import { currentErrors, type FormErrors } from '../lib/issues';
import { homeNetworkUrls, linkReach, loopbackCause, reachCopy } from '../lib/reach';
import type { NetworkInfo } from '../stores/settings';
import { CopyField } from './CopyField';
import { TextField } from './Fields';
import { Notice } from './Notice';
import { ReachChoices } from './ReachChoices';

export interface NetworkPanelProps {
  network: NetworkInfo;
  errors: FormErrors;
  busy?: boolean;
  saved?: boolean;
  onSavePublicUrl(url: string | null): void;
  onStartTunnel(): void;
  onStopTunnel(): void;
  onCopy(text: string): Promise<boolean>;
}

/** Where participants reach this computer: LAN addresses, a public address, a quick tunnel. */
export function NetworkPanel(props: NetworkPanelProps) {
  const t = useT();
  const [url, setUrl] = useState(props.network.publicBaseUrl ?? '');
  const [sent, setSent] = useState<{ publicBaseUrl: string } | null>(null);
  const errors = currentErrors(props.errors, sent, { publicBaseUrl: url });
  const { tunnel } = props.network;
  const home = homeNetworkUrls(props.network.participantUrls);
  const reach = linkReach(props.network);
  const verdict = reachCopy(reach, loopbackCause(props.network), t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent({ publicBaseUrl: url });
    props.onSavePublicUrl(url.trim() === '' ? null : url.trim());
  };
  return (
    <div className="stack">
      <div className="subsection">
        <CopyField label={t.t('parts.network.linkBase')} value={props.network.linkBase} onCopy={props.onCopy} />
        <Notice tone={verdict.tone} title={verdict.title}>
          {verdict.text}
        </Notice>
      </div>
      <ReachChoices reach={reach} />
      <div className="subsection">
        <h3>{t.t('parts.network.sameWifi')}</h3>
        {home.length > 0 ? (
          <>
            <p className="muted">{t.t('parts.network.canOpen')}</p>
            <ul className="chips" aria-label={t.t('parts.network.addresses')}>
              {home.map((address) => (
                <li key={address} className="chip">
                  {address}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">{t.t('parts.network.noAddress', { reason: verdict.text })}</p>
        )}
      </div>
      <form className="subsection" onSubmit={submit} noValidate>
        <h3>{t.t('parts.network.ownTunnel')}</h3>
        <p className="muted">{t.t('parts.network.ownTunnelText')}</p>
        {errors.general && <Notice tone="error">{errors.general}</Notice>}
        {props.saved && <Notice tone="success">{t.t('parts.network.saved')}</Notice>}
        <div className="inline-form">
          <TextField
            label={t.t('parts.network.publicAddress')}
            type="url"
            value={url}
            onChange={setUrl}
            error={errors.fields.publicBaseUrl}
            placeholder="https://santa.example.net"
            hint={t.t('parts.network.publicAddressHint')}
          />
          <button type="submit" className="btn" disabled={props.busy}>
            {t.t('parts.network.save')}
          </button>
        </div>
      </form>
      <div className="subsection">
        <h3>{t.t('parts.network.quickTunnel')}</h3>
        {tunnel.available ? (
          <>
            <p className="muted">{t.t('parts.network.quickTunnelText')}</p>
            {tunnel.running && tunnel.url && <CopyField label={t.t('parts.network.tunnelAddress')} value={tunnel.url} onCopy={props.onCopy} />}
            {tunnel.error && <Notice tone="error">{tunnel.error}</Notice>}
            <div>
              {tunnel.running ? (
                <button type="button" className="btn" disabled={props.busy} onClick={props.onStopTunnel}>
                  {t.t('parts.network.stop')}
                </button>
              ) : (
                <button type="button" className="btn btn--primary" disabled={props.busy} onClick={props.onStartTunnel}>
                  {t.t('parts.network.start')}
                </button>
              )}
            </div>
          </>
        ) : (
          <p className="muted">
            <FormattedMessage id="parts.network.install" values={{ code: (chunks) => <code>{chunks}</code> }} />
          </p>
        )}
      </div>
    </div>
  );
}
