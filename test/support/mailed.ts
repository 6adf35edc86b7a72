import { findOutboxRow } from '../../src-main/db/repos/outbox';
import type { Deps } from '../../src-main/services/common/deps';
import { issueToken } from '../../src-main/services/common/tokens';
import { renderRow } from '../../src-main/services/mail/render';
import { links } from '../../src-main/services/network/links';
import type { OutboxRow } from './participant-client';

const rendered = new WeakMap<Deps, Map<number, { subject: string; text: string; html: string }>>();

/**
 * The outbox rows as their recipients would read them: rows hold intent, so each is rendered once,
 * the way the relay renders it when sending (fresh token, current data), and remembered, so a test
 * reading the same "email" twice sees the same link.
 */
export function asMailed(deps: Deps, rows: OutboxRow[]): OutboxRow[] {
  const cache = rendered.get(deps) ?? new Map();
  rendered.set(deps, cache);
  return rows.map((row) => {
    if (row.text_body !== '') return row;
    let email = cache.get(row.id);
    if (!email) {
      const stored = findOutboxRow(deps.db, row.id)!;
      const result = deps.db.transaction(() =>
        renderRow(deps, stored, deps.clock.now(), (pid, purpose, pending) => links.auth(deps, issueToken(deps, pid, purpose, pending ?? null))),
      );
      email = result.ok ? { subject: result.email.subject, text: result.email.text, html: result.email.html } : { subject: '', text: '', html: '' };
      cache.set(row.id, email);
    }
    return { ...row, subject: email.subject, text_body: email.text, html_body: email.html };
  });
}
