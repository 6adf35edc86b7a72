import { create } from 'zustand';
import { onConnectionProblem } from '../api/client';

export type ConnectionProblem = 'unauthorized' | 'unavailable' | null;

interface ConnectionState {
  problem: ConnectionProblem;
  report(problem: ConnectionProblem): void;
}

/** Whether the core answers us at all; the app shell shows a full-screen explanation when not. */
export const useConnection = create<ConnectionState>()((set, get) => ({
  problem: null,
  report(problem) {
    if (get().problem !== problem) set({ problem });
  },
}));

onConnectionProblem((problem) => useConnection.getState().report(problem));
