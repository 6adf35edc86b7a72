/**
 * Writes migrations/snapshot.ts: the schema that replaying every migration gives, from which a new
 * data folder is created in one step. Run it after adding a migration:
 *
 *   npx tsx scripts/schema-snapshot.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { migrations } from '../migrations/index';
import { migrate } from '../src-main/db/migrate';
import { schemaStatements, snapshotModule } from '../src-main/db/schema-snapshot';

const sqlite = new BetterSqlite3(':memory:');
await migrate(sqlite, { backupDir: '', now: 0, migrations });
const file = fileURLToPath(new URL('../migrations/snapshot.ts', import.meta.url));
writeFileSync(file, snapshotModule(migrations.length, schemaStatements(sqlite)));
sqlite.close();
console.log(`wrote ${file} (schema version ${migrations.length})`);
