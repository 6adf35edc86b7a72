import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../src-main/i18n';
import { WORDED_REASONS, withdrawalReasonText } from '../../../src-main/services/mail/withdrawal-reasons';

/** Why an email was withdrawn reaches the organizer's outbox in their language, never in English alone. */
const SRC = fileURLToPath(new URL('../../../src-main', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('withdrawal reasons', () => {
  it('every reason the code writes has its own words', () => {
    const written = new Set<string>();
    for (const file of sources(SRC)) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/withdraw\('([^']+)'\)/g)) written.add(m[1]!);
      // withdrawUnsent(deps, id, kinds, reason[, limit]): the reason is the last text argument.
      for (const m of code.matchAll(/withdraw(?:Unsent|SomeUnsent)\(([^;]*?)\);/g)) {
        const texts = [...m[1]!.replace(/\[[^\]]*\]/g, '').matchAll(/'([^']+)'/g)].map((t) => t[1]!);
        if (texts.length > 0) written.add(texts.at(-1)!);
      }
      if (file.includes(`${join('services', 'mail')}`)) for (const m of code.matchAll(/return '(the [^']+)'/g)) written.add(m[1]!);
    }
    expect(written.size).toBeGreaterThan(10);
    expect([...written].filter((reason) => !WORDED_REASONS.includes(reason))).toEqual([]);
  });

  it('reads in the organizer’s language, and an unknown stored reason as it was stored', () => {
    expect(withdrawalReasonText('the draw was undone', translator('de'))).toBe('die Auslosung wurde rückgängig gemacht');
    expect(withdrawalReasonText('the draw was undone', translator('es'))).toBe('se deshizo el sorteo');
    expect(withdrawalReasonText('the draw was undone', translator('en'))).toBe('the draw was undone');
    expect(withdrawalReasonText('from an older version', translator('fr'))).toBe('from an older version');
    expect(withdrawalReasonText(null, translator('fr'))).toBeNull();
  });
});
