import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src-main/core/errors';
import {
  allowedActions,
  assertEditable,
  EXCHANGE_ACTIONS,
  EXCHANGE_STATES,
  nextState,
  registrationRefusal,
  type ExchangeAction,
  type ExchangeState,
} from '../../../src-main/core/exchange-state';

// The exchange's state diagram, written out as the complete table of allowed moves.
const ALLOWED: Array<[ExchangeState, ExchangeAction, ExchangeState]> = [
  ['draft', 'open', 'registration_open'],
  ['registration_open', 'unpublish', 'draft'],
  ['registration_open', 'close', 'registration_closed'],
  ['registration_closed', 'reopen', 'registration_open'],
  // A hand-made list is drawn straight from the draft; drawing while open closes registration.
  ['draft', 'draw', 'matched'],
  ['registration_open', 'draw', 'matched'],
  ['registration_closed', 'draw', 'matched'],
  ['matched', 'undo-draw', 'registration_closed'],
  ['matched', 'complete', 'completed'],
  ['draft', 'cancel', 'cancelled'],
  ['registration_open', 'cancel', 'cancelled'],
  ['registration_closed', 'cancel', 'cancelled'],
  ['matched', 'cancel', 'cancelled'],
];

describe('exchange state machine', () => {
  it.each(ALLOWED)('%s --%s--> %s', (from, action, to) => {
    expect(nextState(from, action)).toBe(to);
  });

  const refused = EXCHANGE_STATES.flatMap((state) =>
    EXCHANGE_ACTIONS.filter((action) => !ALLOWED.some(([f, a]) => f === state && a === action)).map((action) => [state, action] as const),
  );

  it.each(refused)('refuses %s --%s--> with a readable reason', (state, action) => {
    let error: unknown;
    try {
      nextState(state, action);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid_state');
    expect((error as DomainError).message).toMatch(/^[A-Z].*\.$/);
    expect((error as DomainError).message).not.toMatch(/undefined|registration_|_/);
  });

  it('lists exactly the allowed actions per state', () => {
    for (const state of EXCHANGE_STATES) {
      expect(allowedActions(state).sort()).toEqual(
        ALLOWED.filter(([f]) => f === state)
          .map(([, a]) => a)
          .sort(),
      );
    }
  });

  it('explains a second draw, and a draw of an exchange that is over', () => {
    expect(() => nextState('matched', 'draw')).toThrow(/already drawn/);
    expect(() => nextState('completed', 'draw')).toThrow(/completed/);
    expect(() => nextState('cancelled', 'draw')).toThrow(/cancelled/);
  });

  it('undoing a draw made from a draft returns to closed registration, as any undo does', () => {
    expect(nextState(nextState('draft', 'draw'), 'undo-draw')).toBe('registration_closed');
  });

  it('freezes matching rules at the draw and everything at the end', () => {
    expect(() => assertEditable('matched', 'details')).not.toThrow();
    expect(() => assertEditable('matched', 'matching')).toThrow(/Undo the draw/);
    expect(() => assertEditable('completed', 'details')).toThrow(/completed/);
    expect(() => assertEditable('cancelled', 'participants')).toThrow(/cancelled/);
  });

  it('accepts registrations only while open, before the deadline, with room', () => {
    const open = { state: 'registration_open' as const, registrationDeadlineAt: 1000, maxParticipants: 3 };
    expect(registrationRefusal(open, 2, 999)).toBeNull();
    expect(registrationRefusal(open, 2, 1000)).toBe('closed');
    expect(registrationRefusal(open, 3, 999)).toBe('full');
    expect(registrationRefusal({ ...open, state: 'draft' }, 0, 0)).toBe('not-open');
    expect(registrationRefusal({ ...open, state: 'matched' }, 0, 0)).toBe('closed');
    expect(registrationRefusal({ ...open, state: 'cancelled' }, 0, 0)).toBe('cancelled');
  });
});
