import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { assertDeclared } from '../../support/test-app';

describe('the test app checks answers against the contract', () => {
  const schema = z.object({ id: z.number(), people: z.array(z.object({ name: z.string() })) });

  it('accepts an answer with only declared keys', () => {
    const raw = { id: 1, people: [{ name: 'Ann' }] };
    expect(() => assertDeclared('x.get', raw, schema.parse(raw))).not.toThrow();
  });

  it('fails on a key the contract does not declare, at any depth', () => {
    const top = { id: 1, people: [], giftee: 'Bob' };
    expect(() => assertDeclared('x.get', top, schema.parse(top))).toThrow('x.get answered a key its contract does not declare: giftee');
    const deep = { id: 1, people: [{ name: 'Ann', giftee: 'Bob' }] };
    expect(() => assertDeclared('x.get', deep, schema.parse(deep))).toThrow('people[0].giftee');
  });
});
