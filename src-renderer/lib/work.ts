import type { WorkProgress } from '@contract';

const count = (n: number) => n.toLocaleString('en');

/** "Importing 10,000 people: 4,200 added". The tray says the same in its own words (electron/tray-menu.ts). */
export function workText(work: WorkProgress): string {
  const known = work.total > 0;
  switch (work.kind) {
    case 'draw':
      return known ? `Drawing names: ${count(work.done)} of ${count(work.total)} pairs written…` : 'Drawing names…';
    case 'import':
      if (!known) return 'Importing…';
      return work.done === 0 ? `Importing ${count(work.total)} people: checking the rows…` : `Importing ${count(work.total)} people: ${count(work.done)} added…`;
    case 'match-mail':
      return known ? `Queueing match emails: ${count(work.done)} of ${count(work.total)}…` : 'Queueing match emails…';
    case 'catch-up':
      return 'Running due jobs…';
  }
}
