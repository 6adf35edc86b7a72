import { useId, type ChangeEvent, type ReactNode } from 'react';
import './ui.css';

interface FieldShell {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  disabled?: boolean;
  className?: string;
}

function Shell(props: FieldShell & { id: string; children: ReactNode }) {
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label className="field__label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.children}
      {props.hint && (
        <span className="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <span className="field__error" id={`${props.id}-error`}>
          {props.error}
        </span>
      )}
    </div>
  );
}

function describedBy(id: string, props: FieldShell): string | undefined {
  const ids = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export interface TextFieldProps extends FieldShell {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'email' | 'url' | 'number' | 'password' | 'datetime-local' | 'search';
  name?: string;
  placeholder?: string;
  autoComplete?: string;
  required?: boolean;
  min?: number;
  max?: number;
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  return (
    <Shell {...props} id={id}>
      <input
        id={id}
        className="input"
        type={props.type ?? 'text'}
        name={props.name}
        value={props.value}
        placeholder={props.placeholder}
        autoComplete={props.autoComplete}
        required={props.required}
        min={props.min}
        max={props.max}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
        onChange={(e: ChangeEvent<HTMLInputElement>) => props.onChange(e.target.value)}
      />
    </Shell>
  );
}

export interface TextAreaProps extends FieldShell {
  value: string;
  onChange(value: string): void;
  name?: string;
  rows?: number;
  placeholder?: string;
}

export function TextArea(props: TextAreaProps) {
  const id = useId();
  return (
    <Shell {...props} id={id}>
      <textarea
        id={id}
        className="input"
        name={props.name}
        rows={props.rows ?? 3}
        value={props.value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Shell>
  );
}

export interface SelectFieldProps<V extends string> extends FieldShell {
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange(value: V): void;
  name?: string;
}

export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const id = useId();
  return (
    <Shell {...props} id={id}>
      <select
        id={id}
        className="input"
        name={props.name}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
        onChange={(e) => props.onChange(e.target.value as V)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export interface CheckboxProps {
  label: string;
  hint?: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  name?: string;
}

export function Checkbox(props: CheckboxProps) {
  const id = useId();
  return (
    <div className="check">
      <input id={id} type="checkbox" name={props.name} checked={props.checked} disabled={props.disabled} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={id}>
        {props.label}
        {props.hint && <span className="field__hint"> — {props.hint}</span>}
      </label>
    </div>
  );
}
