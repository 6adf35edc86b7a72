import type { WorkProgress } from '@contract';
import type { Translator } from '@i18n';
import { currentT } from './i18n';

/** "Importing 10,000 people: 4,200 added". The tray says the same in its own words (electron/tray-menu.ts). */
export function workText(work: WorkProgress, t: Translator = currentT()): string {
  const known = work.total > 0;
  const values = { done: t.number(work.done), total: t.number(work.total), count: work.total };
  switch (work.kind) {
    case 'draw':
      return known ? t.t('parts.work.drawing', values) : t.t('parts.work.drawingUnknown');
    case 'import':
      if (!known) return t.t('parts.work.importingUnknown');
      return work.done === 0 ? t.t('parts.work.importChecking', values) : t.t('parts.work.importAdding', values);
    case 'match-mail':
      return known ? t.t('parts.work.matchMail', values) : t.t('parts.work.matchMailUnknown');
    case 'catch-up':
      return t.t('parts.work.catchUp');
  }
}
