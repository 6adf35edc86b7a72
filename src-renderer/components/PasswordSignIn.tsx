import { useT } from '../lib/i18n';
import { useState } from 'react';
import { TextField } from './Fields';
import { Notice } from './Notice';
import './ui.css';

export interface PasswordSignInProps {
  busy: boolean;
  /** The server's refusal ("That password is not right.", "Too many attempts. Try again in 15 minutes."). */
  error: string | null;
  onSubmit(password: string): void;
}

/** The organizer password form, offered when the screens are reachable from the network. */
export function PasswordSignIn(props: PasswordSignInProps) {
  const [password, setPassword] = useState('');
  const t = useT();
  return (
    <form
      className="stack sign-in"
      aria-label={t.t('parts.signIn.label')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(password);
      }}
    >
      <TextField label={t.t('parts.signIn.password')} type="password" name="password" autoComplete="current-password" value={password} onChange={setPassword} required />
      {/* Right under the field, and announced (role=alert) so a screen reader hears the refusal. */}
      {props.error && <Notice tone="error">{props.error}</Notice>}
      <button type="submit" className="btn btn--primary" disabled={props.busy}>
        {props.busy ? t.t('parts.signIn.busy') : t.t('parts.signIn.label')}
      </button>
    </form>
  );
}
