import type { WorkProgress } from '@contract';
import { create } from 'zustand';

/** A run that sent no progress for this long is no longer shown (its last event was lost). */
export const WORK_FORGOTTEN_MS = 60_000;

interface Running {
  progress: WorkProgress;
  /** When its last event came (the screen's clock: only used to forget stale runs). */
  at: number;
}

interface WorkState {
  running: Running[];
  /** A `work.progress` event: the run is added or updated, or removed when finished. */
  apply(progress: WorkProgress, now: number): void;
}

/** Long operations running in the core (draw, import, match emails, due jobs), from their events. */
export const useWork = create<WorkState>()((set) => ({
  running: [],
  apply(progress, now) {
    set((state) => {
      const kept = state.running.filter((r) => now - r.at <= WORK_FORGOTTEN_MS);
      if (progress.finished) return { running: kept.filter((r) => r.progress.id !== progress.id) };
      // In the order they started: a run keeps its line as it moves on.
      const at = kept.findIndex((r) => r.progress.id === progress.id);
      return { running: at === -1 ? [...kept, { progress, at: now }] : kept.map((r, i) => (i === at ? { progress, at: now } : r)) };
    });
  },
}));
