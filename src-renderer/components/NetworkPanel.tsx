import { useState, type FormEvent } from 'react';
import type { FormErrors } from '../lib/issues';
import { reachableFromOtherDevices } from '../lib/format';
import type { NetworkInfo } from '../stores/settings';
import { CopyField } from './CopyField';
import { TextField } from './Fields';
import { Notice } from './Notice';

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
  const { tunnel } = props.network;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSavePublicUrl(url.trim() === '' ? null : url.trim());
  };
  return (
    <div className="stack">
      <CopyField label="Links in emails start with" value={props.network.linkBase} onCopy={props.onCopy} />
      <div className="subsection">
        <h3>On your home network</h3>
        <p className="muted">People on the same Wi-Fi can open these addresses:</p>
        <ul className="chips">
          {reachableFromOtherDevices(props.network.participantUrls).map((address) => (
            <li key={address} className="chip">
              {address}
            </li>
          ))}
        </ul>
      </div>
      <form className="subsection" onSubmit={submit} noValidate>
        <h3>From anywhere</h3>
        <p className="muted">For people outside your home, use a tunnel (Cloudflare Tunnel, Tailscale Funnel, ngrok…) and enter its address here.</p>
        {props.errors.general && <Notice tone="error">{props.errors.general}</Notice>}
        {props.saved && <Notice tone="success">Saved. New emails use this address.</Notice>}
        <div className="inline-form">
          <TextField label="Public address" type="url" value={url} onChange={setUrl} error={props.errors.fields.publicBaseUrl} placeholder="https://santa.example.net" hint="Leave empty to use the home network address." />
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
