import { subscribe, type ClientEvent } from '../api/client';
import { useExchange } from '../stores/exchange';
import { useEveryone } from '../stores/everyone';
import { useExchanges } from '../stores/exchanges';
import { useJobs } from '../stores/jobs';
import { useOutbox } from '../stores/outbox';
import { useParticipants } from '../stores/participants';
import { useRules } from '../stores/rules';
import { useSettings } from '../stores/settings';
import { useWork } from '../stores/work';
import { now } from '../lib/now';

/** Which stores an event makes stale. Pure, so the mapping is tested without a transport. */
export function refreshesFor(event: ClientEvent, openExchangeId: number | null): Array<() => Promise<void>> {
  const isOpen = 'exchangeId' in event && event.exchangeId === openExchangeId;
  switch (event.type) {
    case 'participants.changed':
      return isOpen
        ? [
            () => useParticipants.getState().refresh(),
            () => useRules.getState().recheck(),
            () => useExchange.getState().refresh(),
            () => useExchanges.getState().load(),
            () => useEveryone.getState().refresh(),
          ]
        : [() => useExchanges.getState().load()];
    case 'rules.changed':
      return isOpen ? [() => useRules.getState().refresh(), () => useParticipants.getState().refresh()] : [];
    case 'exchange.changed':
    case 'exchange.deleted':
      return [
        () => useExchanges.getState().load(),
        ...(isOpen ? [() => useExchange.getState().refresh(), () => useRules.getState().refresh(), () => useEveryone.getState().refresh()] : []),
        () => useJobs.getState().load(),
      ];
    case 'outbox.changed':
      return [() => useOutbox.getState().load()];
    case 'jobs.changed':
      return [() => useJobs.getState().load()];
    case 'settings.changed':
      return [() => useSettings.getState().load()];
    case 'work.progress':
      // Progress changes no data: it goes to the work store (listenToEvents), nothing is reloaded.
      return [];
    case 'connection.restored':
      return [
        () => useSettings.getState().load(),
        () => useExchanges.getState().load(),
        () => useExchange.getState().refresh(),
        () => useParticipants.getState().refresh(),
        () => useRules.getState().refresh(),
        () => useEveryone.getState().refresh(),
        () => useOutbox.getState().load(),
        () => useJobs.getState().load(),
      ];
  }
}

/**
 * Some texts come worded by the core in the organizer's language (why a field is locked, why an
 * email was withdrawn, the mail presets' help, notices, job details): when that language changes,
 * everything shown is read again, as after a lost connection, with the Settings screen's extras.
 */
function refreshOnLanguageChange(): () => void {
  return useSettings.subscribe((state, previous) => {
    const was = previous.settings?.locale;
    const is = state.settings?.locale;
    if (!was || !is || was === is) return;
    for (const refresh of refreshesFor({ type: 'connection.restored' }, useExchange.getState().exchangeId)) void refresh();
    void useSettings.getState().loadAll();
  });
}

/** The one subscription to pushed events: each event refreshes the stores it concerns. */
export function listenToEvents(): () => void {
  const stopEvents = subscribe((event) => {
    if (event.type === 'work.progress') useWork.getState().apply(event.progress, now());
    for (const refresh of refreshesFor(event, useExchange.getState().exchangeId)) void refresh();
  });
  const stopLanguage = refreshOnLanguageChange();
  return () => {
    stopEvents();
    stopLanguage();
  };
}
