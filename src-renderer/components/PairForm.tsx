import { useT } from '../lib/i18n';
import { useState, type FormEvent } from 'react';
import { SelectField } from './Fields';
import './rules.css';

export interface PairFormProps {
  people: ReadonlyArray<{ id: number; name: string }>;
  firstLabel: string;
  secondLabel: string;
  submitLabel: string;
  kinds?: ReadonlyArray<{ value: string; label: string }>;
  disabled?: boolean;
  busy?: boolean;
  onSubmit(pair: { firstId: number; secondId: number; kind: string }): void;
}

/** Two people (and optionally how the rule applies): for exclusions and must-draw pairs. */
export function PairForm(props: PairFormProps) {
  const t = useT();
  const options = [{ value: '', label: t.t('parts.pair.choose') }, ...props.people.map((p) => ({ value: String(p.id), label: p.name }))];
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [kind, setKind] = useState(props.kinds?.[0]?.value ?? '');
  const ready = first !== '' && second !== '' && first !== second;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    props.onSubmit({ firstId: Number(first), secondId: Number(second), kind });
    setFirst('');
    setSecond('');
  };
  return (
    <form onSubmit={submit} className="stack stack--tight">
      <div className="rule-form">
        <SelectField label={props.firstLabel} value={first} options={options} onChange={setFirst} disabled={props.disabled} />
        <SelectField label={props.secondLabel} value={second} options={options} onChange={setSecond} disabled={props.disabled} />
        <button type="submit" className="btn btn--primary" disabled={!ready || props.busy || props.disabled}>
          {props.submitLabel}
        </button>
      </div>
      {props.kinds && <SelectField label={t.t('parts.pair.applies')} value={kind} options={props.kinds} onChange={setKind} disabled={props.disabled} />}
      {first !== '' && first === second && <span className="field__error">{t.t('parts.pair.different')}</span>}
    </form>
  );
}
