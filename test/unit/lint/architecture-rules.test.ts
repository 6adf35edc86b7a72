import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A throwaway project with the real eslint.config.js and a few planted files. */
let project: string;

function plant(path: string, code: string): void {
  const file = join(project, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
}

async function ruleIds(path: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: project, overrideConfigFile: join(project, 'eslint.config.js') });
  const [result] = await eslint.lintFiles([join(project, path)]);
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'sk-lint-'));
  copyFileSync(join(ROOT, 'eslint.config.js'), join(project, 'eslint.config.js'));
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module' }));
  // The import resolver reads tsconfig.main.json; the type-aware rules find tsconfig.json.
  const tsconfig = JSON.stringify({ compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler', target: 'es2022' }, include: ['src-main/**/*.ts'] });
  writeFileSync(join(project, 'tsconfig.main.json'), tsconfig);
  writeFileSync(join(project, 'tsconfig.json'), tsconfig);
  plant('src-main/services/people/a.ts', "import { b } from '../draw/b';\nexport const a = (): number => b() + 1;\n");
  plant('src-main/services/draw/b.ts', "import { a } from '../people/a';\nexport const b = (): number => (a.length > 0 ? 1 : 0);\n");
  plant('src-main/http/page.ts', "export const page = (): string => 'page';\n");
  plant('src-main/services/portal/leaky.ts', "import { page } from '../../http/page';\nexport const leaky = (): string => page();\n");
  plant('src-main/db/repos/people.ts', 'export const findPeople = (): string[] => [];\n');
  plant('src-main/http/route.ts', "import { findPeople } from '../db/repos/people';\nexport const route = (): number => findPeople().length;\n");
  plant('src-main/core/pure.ts', "import { findPeople } from '../db/repos/people';\nexport const pure = (): number => findPeople().length;\n");
  plant('src-main/services/portal/fine.ts', "import { findPeople } from '../../db/repos/people';\nexport const fine = (): number => findPeople().length;\n");
  plant('src-main/i18n/words.ts', "import { pure } from '../core/pure';\nexport const words = (): number => pure();\n");
  plant('src-main/i18n/plain.ts', "export const plain = (): string => 'Hallo';\n");
  plant('src-main/contract/labels.ts', "import { plain } from '../i18n/plain';\nexport const labels = (): string => plain();\n");
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the lint rules that keep the architecture', () => {
  it('fail on a planted import cycle between two services', async () => {
    expect(await ruleIds('src-main/services/people/a.ts')).toEqual([expect.stringMatching(/^import-x\/no-cycle: Dependency cycle/)]);
  });

  it('fail on a service importing http', async () => {
    expect(await ruleIds('src-main/services/portal/leaky.ts')).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*never a transport/)]);
  });

  it('fail on a transport calling a repository, and on core importing the database layer', async () => {
    expect(await ruleIds('src-main/http/route.ts')).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*never repositories/)]);
    expect(await ruleIds('src-main/core/pure.ts')).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*core is pure/)]);
  });

  it('keep the languages a leaf that the contract may use', async () => {
    expect(await ruleIds('src-main/i18n/words.ts')).toEqual(expect.arrayContaining([expect.stringMatching(/i18n is a leaf|i18n imports only/)]));
    expect(await ruleIds('src-main/contract/labels.ts')).toEqual([]);
  });

  it('let a service use a repository', async () => {
    expect(await ruleIds('src-main/services/portal/fine.ts')).toEqual([]);
  });
});
