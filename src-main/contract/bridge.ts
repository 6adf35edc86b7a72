import type { AppEvent } from './events';
import type { Result } from './envelope';
import type { OperationInput, OperationName, OperationOutput } from './operations';

/** All the desktop preload exposes to the renderer, as `window.bridge`. */
export interface Bridge {
  call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<Result<OperationOutput<N>>>;
  /** Returns an unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
}
