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
  const [url, setUrl] = useState(props.network.publicBaseUrl ?? '');
  const [sent, setSent] = useState<{ publicBaseUrl: string } | null>(null);
  const errors = currentErrors(props.errors, sent, { publicBaseUrl: url });
  const { tunnel } = props.network;
  const home = homeNetworkUrls(props.network.participantUrls);
  const reach = linkReach(props.network);
  const verdict = reachCopy(reach, loopbackCause(props.network));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent({ publicBaseUrl: url });
    props.onSavePublicUrl(url.trim() === '' ? null : url.trim());
  };
  return (
    <div className="stack">
      <div className="subsection">
        <CopyField label="Links in emails start with" value={props.network.linkBase} onCopy={props.onCopy} />
        <Notice tone={verdict.tone} title={verdict.title}>
          {verdict.text}
        </Notice>
      </div>
      <ReachChoices reach={reach} />
      <div className="subsection">
        <h3>On the same Wi-Fi</h3>
        {home.length > 0 ? (
          <>
            <p className="muted">Phones and computers on the same Wi-Fi as this computer can open:</p>
            <ul className="chips" aria-label="Addresses on this network">
              {home.map((address) => (
                <li key={address} className="chip">
                  {address}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">No address here works from another device: {verdict.text}</p>
        )}
      </div>
      <form className="subsection" onSubmit={submit} noValidate>
        <h3>Your own tunnel or public address</h3>
        <p className="muted">If you run a tunnel yourself (Cloudflare Tunnel, Tailscale Funnel, ngrok), enter its address here and every new email uses it.</p>
        {errors.general && <Notice tone="error">{errors.general}</Notice>}
        {props.saved && <Notice tone="success">Saved. New emails use this address.</Notice>}
        <div className="inline-form">
          <TextField
            label="Public address"
            type="url"
            value={url}
            onChange={setUrl}
            error={errors.fields.publicBaseUrl}
            placeholder="https://santa.example.net"
            hint="Leave empty to use the Wi-Fi address."
          />
          <button type="submit" className="btn" disabled={props.busy}>
            Save address
          </button>
        </div>
      </form>
      <div className="subsection">
        <h3>Quick tunnel</h3>
        {tunnel.available ? (
          <>
            <p className="muted">Starts a free Cloudflare quick tunnel with a temporary address, and uses it in emailed links while it runs.</p>
            {tunnel.running && tunnel.url && <CopyField label="Tunnel address" value={tunnel.url} onCopy={props.onCopy} />}
            {tunnel.error && <Notice tone="error">{tunnel.error}</Notice>}
            <div>
              {tunnel.running ? (
                <button type="button" className="btn" disabled={props.busy} onClick={props.onStopTunnel}>
                  Stop the tunnel
                </button>
              ) : (
                <button type="button" className="btn btn--primary" disabled={props.busy} onClick={props.onStartTunnel}>
                  Start a quick tunnel
                </button>
              )}
            </div>
          </>
        ) : (
          <p className="muted">
            Install the <code>cloudflared</code> program to start a tunnel from here.
          </p>
        )}
      </div>
    </div>
  );
}
