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
  return (
    <form
      className="stack sign-in"
      aria-label="Sign in"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(password);
      }}
    >
      <TextField label="Organizer password" type="password" name="password" autoComplete="current-password" value={password} onChange={setPassword} required />
      {/* Right under the field, and announced (role=alert) so a screen reader hears the refusal. */}
      {props.error && <Notice tone="error">{props.error}</Notice>}
      <button type="submit" className="btn btn--primary" disabled={props.busy}>
        {props.busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
