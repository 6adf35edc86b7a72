import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { avoidedExchangesText, drawMethodText } from '../../../src-renderer/lib/draw-text';
import { DrawTab } from '../../../src-renderer/pages/exchange/DrawTab';
import { RulesTab } from '../../../src-renderer/pages/exchange/RulesTab';
import { useRules } from '../../../src-renderer/stores/rules';
import { exchangeView } from './builders';

const rules = (avoidPastExchanges: number, avoidedExchanges: string[]) => ({
  exchangeId: 1,
  pairs: [],
  oneWay: [],
  mustDraw: [],
  households: [],
  avoidPastExchanges,
  avoidedExchanges,
});
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');

/**
 * Server rendering reads a zustand store's initial state (its server snapshot), and there is no
 * DOM here, so the rules are put into that object for one test and taken out again.
 */
const initial = useRules.getInitialState();
const pristine = { exchangeId: initial.exchangeId, rules: initial.rules };
function withRules(value: ReturnType<typeof rules>) {
  Object.assign(initial, { exchangeId: 1, rules: value });
}

afterEach(() => Object.assign(initial, pristine));

describe('which earlier exchanges a draw avoids', () => {
  it('names them, says when fewer are known, and says when it is off', () => {
    expect(avoidedExchangesText(2, ['Family 2025', 'Family 2024'])).toBe('Avoids the pairs of the last 2 exchanges with these people (Family 2025 and Family 2024).');
    expect(avoidedExchangesText(3, ['an exchange of 2024 (deleted)'])).toBe(
      'Avoids the pairs of the last 3 exchanges with these people (an exchange of 2024 (deleted)). Only 1 earlier exchange with these people is on this computer.',
    );
    expect(avoidedExchangesText(1, [])).toBe('Avoids the pairs of the last exchange with these people; none is on this computer yet.');
    expect(avoidedExchangesText(0, [])).toBe('Pairs from earlier exchanges may be drawn again.');
  });

  it('the Rules tab asks for a number of exchanges, not years, and lists them', () => {
    withRules(rules(2, ['Family 2025', 'Family 2024']));
    const html = text(renderToStaticMarkup(<RulesTab exchange={exchangeView({ id: 1, avoidPastExchanges: 2 })} />));
    expect(html).toContain('Avoid the pairs of the last N exchanges');
    expect(html).toContain('Avoids the pairs of the last 2 exchanges with these people (Family 2025 and Family 2024).');
    expect(html).not.toMatch(/years/i);
  });

  it('the Draw tab says it before the draw', () => {
    withRules(rules(1, ['Family 2025']));
    const html = text(renderToStaticMarkup(<DrawTab exchange={exchangeView({ id: 1, state: 'registration_closed', avoidPastExchanges: 1 })} />));
    expect(html).toContain('Avoids the pairs of the last exchange with these people (Family 2025).');
  });
});

describe('the draw method', () => {
  it('is a quiet fact on the Draw tab once drawn', () => {
    const html = text(
      renderToStaticMarkup(<DrawTab exchange={exchangeView({ id: 1, state: 'matched', drawnAt: Date.parse('2026-12-01T10:00:00Z'), drawMethod: 'exact-count' })} />),
    );
    expect(html).toContain('Drawn uniformly at random (exact count).');
    expect(renderToStaticMarkup(<DrawTab exchange={exchangeView({ id: 1, state: 'registration_closed' })} />)).not.toContain('Drawn uniformly');
  });

  it('never calls the chain exact', () => {
    expect(drawMethodText('markov-chain')).not.toMatch(/uniformly|exact/);
    expect(drawMethodText('exact-rejection')).toBe('Drawn uniformly at random (exact rejection sampling).');
  });
});
