import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app';

/**
 * `src-main/db/schema.ts` is written by hand for kysely's types; the migrations create the real
 * tables. This reads both and compares them column by column, so neither can drift.
 */
interface Column {
  name: string;
  /** 'number' | 'string' as the row type says; INTEGER/REAL vs TEXT in SQLite. */
  kind: 'number' | 'string';
  nullable: boolean;
}

const SCHEMA_FILE = fileURLToPath(new URL('../../../src-main/db/schema.ts', import.meta.url));

function declaredTables(): Map<string, Column[]> {
  const source = ts.createSourceFile(SCHEMA_FILE, readFileSync(SCHEMA_FILE, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  const schema = interfaces.get('Schema');
  if (!schema) throw new Error('schema.ts has no Schema interface');
  const tables = new Map<string, Column[]>();
  for (const member of schema.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const table = member.name.getText(source);
    const rowType = interfaces.get(member.type.getText(source));
    if (!rowType) throw new Error(`schema.ts: the row type of ${table} is not declared in the file`);
    tables.set(
      table,
      rowType.members.filter(ts.isPropertySignature).map((column) => {
        const type = column.type?.getText(source) ?? '';
        const base = type.replace(/^Generated<(.*)>$/, '$1');
        const parts = base.split('|').map((p) => p.trim());
        const kind = parts.includes('number')
          ? 'number'
          : parts.includes('string')
            ? 'string'
            : (() => {
                throw new Error(`${table}.${column.name.getText(source)}: unexpected type ${type}`);
              })();
        return { name: column.name.getText(source), kind, nullable: parts.includes('null') };
      }),
    );
  }
  return tables;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function createdTables(): Map<string, Column[]> {
  const sqlite = t.deps.db.sqlite;
  const names = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND name != 'schema_migrations'")
    .all() as { name: string }[];
  return new Map(
    names.map(({ name }) => [
      name,
      (sqlite.prepare(`PRAGMA table_info(${JSON.stringify(name)})`).all() as { name: string; type: string; notnull: number; pk: number }[]).map((c) => ({
        name: c.name,
        kind: c.type === 'TEXT' ? 'string' : c.type === 'INTEGER' || c.type === 'REAL' ? 'number' : (`unknown ${c.type}` as never),
        nullable: c.notnull === 0 && c.pk === 0,
      })),
    ]),
  );
}

describe('db/schema.ts against what the migrations create', () => {
  it('declares exactly the tables the migrations create', () => {
    const declared = [...declaredTables().keys()].sort();
    const created = [...createdTables().keys()].sort();
    expect(declared).toEqual(created);
  });

  it('declares every column with its type and nullability', () => {
    const created = createdTables();
    for (const [table, columns] of declaredTables()) {
      const sort = (list: Column[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
      expect({ table, columns: sort(columns) }).toEqual({ table, columns: sort(created.get(table) ?? []) });
    }
  });
});
