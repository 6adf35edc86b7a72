import { create } from 'zustand';
import { currentT } from '../lib/i18n';
import { onConnectionProblem, passwordLoginOffered, signedInWithPassword, signIn, signOut } from '../api/client';

export type ConnectionProblem = 'unauthorized' | 'unavailable' | null;

interface ConnectionState {
  problem: ConnectionProblem;
  /** Whether the server offers password sign-in; null until asked. */
  passwordLogin: boolean | null;
  signInError: string | null;
  signingIn: boolean;
  /** Signed in with the password (the shell then offers "Sign out"). */
  passwordSession: boolean;
  report(problem: ConnectionProblem): void;
  checkPasswordLogin(): Promise<void>;
  signIn(password: string): Promise<void>;
  signOut(): Promise<void>;
}

/** Whether the core answers us at all; the app shell shows a full-screen explanation when not. */
export const useConnection = create<ConnectionState>()((set, get) => ({
  problem: null,
  passwordLogin: null,
  signInError: null,
  signingIn: false,
  passwordSession: signedInWithPassword(),
  report(problem) {
    // Read on every answer: the store is created before main.tsx connects.
    const passwordSession = signedInWithPassword();
    if (get().problem !== problem || get().passwordSession !== passwordSession) set({ problem, passwordSession });
  },
  async checkPasswordLogin() {
    set({ passwordLogin: await passwordLoginOffered() });
  },
  async signIn(password) {
    if (password === '') {
      set({ signInError: currentT().t('admin.store.passwordMissing') });
      return;
    }
    set({ signingIn: true, signInError: null });
    const result = await signIn(password);
    // Every store holds the refusals of the signed-out page (and the shell decided on them, e.g.
    // "no exchanges, show the setup wizard"): start the page afresh, now through the session, the
    // same way a reload or a bookmark does.
    if (result.ok) window.location.reload();
    else set({ signingIn: false, signInError: result.error.message });
  },
  async signOut() {
    await signOut();
    set({ problem: 'unauthorized', passwordSession: false, signInError: null });
  },
}));

onConnectionProblem((problem) => useConnection.getState().report(problem));
