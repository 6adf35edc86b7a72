/**
 * Whether to open on the first-run wizard. Only when there is really nothing set up: setup not
 * marked complete, no organizer saved and no exchange yet. An exchange made through the API or a
 * restored backup, or an organizer saved before the wizard was finished, means the person is past
 * the first run and belongs on their exchanges.
 */
export function setupNeeded(settings: { setupComplete: boolean; organizer: unknown }, exchangeCount: number): boolean {
  return !settings.setupComplete && settings.organizer === null && exchangeCount === 0;
}
