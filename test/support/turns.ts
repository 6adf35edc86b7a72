/**
 * Runs `work` and calls `onTurn` on every turn of the event loop meanwhile (what another request
 * would see between two slices of a long operation); says how many turns there were.
 */
export async function duringTurns<T>(work: () => Promise<T>, onTurn: () => void = () => {}): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    onTurn();
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { value: await work(), turns };
  } finally {
    running = false;
  }
}
