import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import type { WorkProgress } from '../../../src-main/contract/events';
import { refreshesFor } from '../../../src-renderer/app/events';
import { WorkProgressList } from '../../../src-renderer/components/WorkProgress';
import { useWork, WORK_FORGOTTEN_MS } from '../../../src-renderer/stores/work';

const work = (over: Partial<WorkProgress>): WorkProgress => ({ id: 'import-1', kind: 'import', exchangeId: 1, done: 0, total: 10_000, finished: false, ...over });
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

beforeEach(() => useWork.setState({ running: [] }));

describe('running work on the screens', () => {
  it('shows each running operation with how far it got', () => {
    const html = renderToStaticMarkup(<WorkProgressList running={[work({ done: 4200 }), work({ id: 'draw-2', kind: 'draw', total: 0 })]} />);
    expect(text(html)).toContain('Importing 10,000 people: 4,200 added…');
    expect(text(html)).toContain('Drawing names…');
    expect(html).toContain('role="status"');
    expect(html).toContain('max="10000" value="4200"');
    expect(renderToStaticMarkup(<WorkProgressList running={[]} />)).toBe('');
  });

  it('keeps one line per run, in the order they started, and drops a run when it ends or goes quiet', () => {
    const { apply } = useWork.getState();
    apply(work({ done: 0 }), 1000);
    apply(work({ id: 'draw-2', kind: 'draw', total: 30 }), 1100);
    apply(work({ done: 4200 }), 1200);
    expect(useWork.getState().running.map((r) => [r.progress.id, r.progress.done])).toEqual([
      ['import-1', 4200],
      ['draw-2', 0],
    ]);
    apply(work({ done: 10_000, finished: true }), 1300);
    expect(useWork.getState().running.map((r) => r.progress.id)).toEqual(['draw-2']);
    apply(work({ id: 'match-mail-3', kind: 'match-mail' }), 1100 + WORK_FORGOTTEN_MS + 1);
    expect(useWork.getState().running.map((r) => r.progress.id)).toEqual(['match-mail-3']);
  });

  it('reloads nothing on a progress event', () => {
    expect(refreshesFor({ type: 'work.progress', progress: work({}) }, 1)).toEqual([]);
  });
});
