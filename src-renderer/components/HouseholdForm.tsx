import { useT } from '../lib/i18n';
import { useState, type FormEvent } from 'react';
import { currentErrors, type FormErrors } from '../lib/issues';
import { Checkbox, TextField } from './Fields';
import { Notice } from './Notice';
import './rules.css';

export interface HouseholdFormProps {
  people: ReadonlyArray<{ id: number; name: string }>;
  errors: FormErrors;
  busy?: boolean;
  disabled?: boolean;
  onSubmit(household: { name: string; memberIds: number[] }): void;
}

/** A household: people who live together never draw each other. */
export function HouseholdForm(props: HouseholdFormProps) {
  const [name, setName] = useState('');
  const t = useT();
  const [members, setMembers] = useState<number[]>([]);
  const [sent, setSent] = useState<{ name: string; memberIds: string } | null>(null);
  const errors = currentErrors(props.errors, sent, { name, memberIds: members.join(',') });
  const toggle = (id: number, on: boolean) => setMembers((m) => (on ? [...m, id] : m.filter((x) => x !== id)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent({ name, memberIds: members.join(',') });
    props.onSubmit({ name, memberIds: members });
  };
  return (
    <form onSubmit={submit} noValidate className="stack stack--tight">
      {errors.general && <Notice tone="error">{errors.general}</Notice>}
      <TextField
        label={t.t('parts.household.name')}
        name="household"
        value={name}
        onChange={setName}
        error={errors.fields.name}
        placeholder={t.t('parts.household.placeholder')}
        disabled={props.disabled}
      />
      <fieldset disabled={props.disabled}>
        <legend>{t.t('parts.household.members')}</legend>
        <div className="member-picker">
          {props.people.map((p) => (
            <Checkbox key={p.id} label={p.name} checked={members.includes(p.id)} onChange={(on) => toggle(p.id, on)} />
          ))}
        </div>
        {errors.fields.memberIds && <span className="field__error">{errors.fields.memberIds}</span>}
      </fieldset>
      <div className="row row--end">
        <button type="submit" className="btn btn--primary" disabled={props.busy || props.disabled}>
          {t.t('parts.household.create')}
        </button>
      </div>
    </form>
  );
}
