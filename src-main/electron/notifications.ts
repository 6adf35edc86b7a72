import { translator, type Locale, type Translator } from '../i18n';
import type { Logger } from '../log';
import type { DesktopPreferences } from './preferences';

export interface Notice {
  title: string;
  body: string;
}

/** What the notifications need to know of an exchange (a row of `exchanges.list`). */
export interface ExchangeSnapshot {
  id: number;
  name: string;
  state: string;
  participantCount: number;
}

export type ExchangeChange =
  { kind: 'joined'; exchangeId: number; exchangeName: string; added: number; total: number } | { kind: 'drawn'; exchangeId: number; exchangeName: string };

/** Events are read loosely: `participant.registered` and `jobs.changed` may be newer than this file. */
export interface LooseEvent {
  type: string;
  exchangeId?: number;
  failed?: number;
}

/** What changed between two looks at the exchange list: more participants, names drawn. */
export function exchangeChanges(before: ReadonlyMap<number, ExchangeSnapshot>, after: readonly ExchangeSnapshot[]): ExchangeChange[] {
  const changes: ExchangeChange[] = [];
  for (const now of after) {
    const was = before.get(now.id);
    if (!was) continue;
    if (now.participantCount > was.participantCount) {
      changes.push({ kind: 'joined', exchangeId: now.id, exchangeName: now.name, added: now.participantCount - was.participantCount, total: now.participantCount });
    }
    if (was.state !== 'matched' && now.state === 'matched') changes.push({ kind: 'drawn', exchangeId: now.id, exchangeName: now.name });
  }
  return changes;
}

/** `t`: the organizer's language. */
export function changeNotice(change: ExchangeChange, prefs: DesktopPreferences, t: Translator): Notice | null {
  switch (change.kind) {
    case 'joined':
      if (!prefs.notifyRegistrations) return null;
      return {
        title: t.t('shell.notice.joinedTitle', { count: change.added }),
        body: t.t('shell.notice.joinedBody', { count: change.added, exchange: change.exchangeName, total: change.total }),
      };
    case 'drawn':
      if (!prefs.notifyDraws) return null;
      return { title: t.t('shell.notice.drawnTitle'), body: t.t('shell.notice.drawnBody', { exchange: change.exchangeName }) };
    default: {
      const never: never = change;
      return never;
    }
  }
}

export function failureNotice(event: LooseEvent, prefs: DesktopPreferences, t: Translator): Notice | null {
  const failed = event.type === 'outbox.changed' ? (event.failed ?? 0) : 0;
  if (failed <= 0 || !prefs.notifyFailures) return null;
  return { title: t.t('shell.notice.failedTitle', { count: failed }), body: t.t('shell.notice.failedBody') };
}

/** Shown the first time closing the window leaves the app running. */
export function trayHintNotice(platform: NodeJS.Platform, t: Translator): Notice {
  return { title: t.t('shell.notice.stillRunningTitle'), body: t.t('shell.notice.stillRunningBody', { where: platform === 'darwin' ? 'menuBar' : 'tray' }) };
}

export interface NotificationWatcherOptions {
  subscribe(listener: (event: LooseEvent) => void): () => void;
  listExchanges(): Promise<ExchangeSnapshot[]>;
  notify(notice: Notice): void;
  preferences(): DesktopPreferences;
  /** The organizer's language now (it may change while the app runs). */
  locale(): Locale;
  /** While the organizer looks at the window, participant changes are theirs: no notification. */
  windowFocused(): boolean;
  log: Logger;
}

export interface NotificationWatcher {
  /** Resolves when every event received so far has been handled (for tests). */
  idle(): Promise<void>;
  dispose(): void;
}

/**
 * Turns core events into OS notifications. Registrations and draws are found by comparing the
 * exchange list before and after an event (the events carry no details); a `participant.registered`
 * event, once the core emits it, is trusted instead of the comparison.
 */
export function watchNotifications(options: NotificationWatcherOptions): NotificationWatcher {
  let snapshot = new Map<number, ExchangeSnapshot>();
  let registeredEventsSeen = false;
  let queue: Promise<void> = Promise.resolve();

  const look = async (): Promise<ExchangeChange[]> => {
    const list = await options.listExchanges();
    const changes = exchangeChanges(snapshot, list);
    snapshot = new Map(list.map((e) => [e.id, e]));
    return changes;
  };

  const handle = async (event: LooseEvent): Promise<void> => {
    const t = translator(options.locale());
    const notice = failureNotice(event, options.preferences(), t);
    if (notice) options.notify(notice);
    if (event.type === 'participant.registered') registeredEventsSeen = true;
    if (!['participant.registered', 'participants.changed', 'exchange.changed', 'exchange.deleted'].includes(event.type)) return;
    for (const change of await look()) {
      if (change.kind === 'joined') {
        const fromEvent = event.type === 'participant.registered' && event.exchangeId === change.exchangeId;
        if (registeredEventsSeen ? !fromEvent : options.windowFocused()) continue;
      }
      const changeNoticeText = changeNotice(change, options.preferences(), t);
      if (changeNoticeText) options.notify(changeNoticeText);
    }
  };

  const enqueue = (work: () => Promise<unknown>) => {
    queue = queue.then(work).then(
      () => undefined,
      (error: unknown) => options.log.warn('notification check failed', { error }),
    );
  };

  enqueue(look);
  const unsubscribe = options.subscribe((event) => enqueue(() => handle(event)));
  return { idle: () => queue, dispose: unsubscribe };
}
