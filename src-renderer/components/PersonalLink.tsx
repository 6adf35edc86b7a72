import { useT } from '../lib/i18n';
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
  const t = useT();
  return (
    <div className="row">
      <QrImage svg={props.qrSvg} alt={t.t('parts.link.qrAlt', { name: props.name })} />
      <div className="stack grow">
        <CopyField label={t.t('parts.people.linkLabel', { name: props.name })} value={props.url} onCopy={props.onCopy} />
        <p className="muted">
          {props.expiresAt
            ? t.t('parts.link.worksUntil', { at: formatInstant(props.expiresAt, undefined, t), name: props.name })
            : t.t('parts.link.worksOnce', { name: props.name })}
        </p>
      </div>
    </div>
  );
}
