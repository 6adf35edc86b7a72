import { formatInstant } from '../lib/format';
import { CopyField } from './CopyField';
import { QrImage } from './QrImage';

export interface PersonalLinkProps {
  name: string;
  url: string;
  qrSvg: string;
  expiresAt: number | null;
  onCopy(text: string): Promise<boolean>;
}

/** A participant's fresh sign-in link, to send by chat when email does not reach them. */
export function PersonalLink(props: PersonalLinkProps) {
  return (
    <div className="row">
      <QrImage svg={props.qrSvg} alt={`QR code of the personal link for ${props.name}`} />
      <div className="stack grow">
        <CopyField label={`Personal link for ${props.name}`} value={props.url} onCopy={props.onCopy} />
        <p className="muted">
          {props.expiresAt ? `Works once, until ${formatInstant(props.expiresAt)}.` : 'Works once.'} Send it only to {props.name}: it signs them in.
        </p>
      </div>
    </div>
  );
}
