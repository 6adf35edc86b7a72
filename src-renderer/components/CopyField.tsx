import { useT } from '../lib/i18n';
import { useId, useState } from 'react';
import './ui.css';

export interface CopyFieldProps {
  label: string;
  value: string;
  /** Resolves false when the clipboard refused; the field then says to copy by hand. */
  onCopy(value: string): Promise<boolean>;
}

/** A read-only link with a Copy button and a spoken confirmation. */
export function CopyField(props: CopyFieldProps) {
  const id = useId();
  const t = useT();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      <div className="copy">
        <input id={id} className="input" readOnly value={props.value} onFocus={(e) => e.target.select()} />
        <button type="button" className="btn" onClick={() => void props.onCopy(props.value).then((ok) => setStatus(ok ? 'copied' : 'failed'))}>
          {t.t('parts.copy.copy')}
        </button>
      </div>
      <span className="field__hint" role="status">
        {status === 'copied' ? t.t('parts.copy.copied') : status === 'failed' ? t.t('parts.copy.byHand') : ''}
      </span>
    </div>
  );
}
