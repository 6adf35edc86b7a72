import type { ErrorBody, OperationInput, OperationName, OperationOutput, Result } from '@contract';
import { setTransport, type ClientEvent, type Transport } from '../../../src-renderer/api/client';

type Handler<N extends OperationName> = (input: OperationInput<N>) => Result<OperationOutput<N>> | OperationOutput<N>;

/** A transport with canned answers per operation; records every call and can push events. */
export interface FakeTransport extends Transport {
  calls: Array<{ name: string; input: unknown }>;
  on<N extends OperationName>(name: N, handler: Handler<N>): FakeTransport;
  emit(event: ClientEvent): void;
  names(): string[];
}

export function refuse(error: ErrorBody): Result<never> {
  return { ok: false, error };
}

export function installFakeTransport(): FakeTransport {
  const handlers = new Map<string, (input: unknown) => unknown>();
  const listeners = new Set<(event: ClientEvent) => void>();
  const fake: FakeTransport = {
    kind: 'fake',
    calls: [],
    async call(name, input) {
      fake.calls.push({ name, input });
      const handler = handlers.get(name);
      if (!handler) return { ok: false, error: { code: 'not_found', message: `no fake for ${name}` } };
      const answer = handler(input);
      if (answer && typeof answer === 'object' && 'ok' in answer && typeof (answer as { ok: unknown }).ok === 'boolean') return answer as Result<unknown>;
      return { ok: true, value: answer };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    on(name, handler) {
      handlers.set(name, handler as (input: unknown) => unknown);
      return fake;
    },
    emit(event) {
      for (const listener of listeners) listener(event);
    },
    names() {
      return fake.calls.map((c) => c.name);
    },
  };
  setTransport(fake);
  return fake;
}
