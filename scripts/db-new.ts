/** `npm run db:new <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql. */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { diffMigrationsToSchema, migrationsDir } from './lib/schema-diff.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:new <name>   (lower-case letters, digits and _)');
  process.exit(2);
}
const sql = await diffMigrationsToSchema();
if (!sql) {
  console.log('schema.prisma and prisma/migrations already agree: nothing to write.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql + '\n');
const lock = path.join(migrationsDir, 'migration_lock.toml');
if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
console.log(
  `wrote ${path.relative(process.cwd(), dir)}/migration.sql; add hand-written invariants (inv_*) below the generated SQL.`,
);
process.exit(0);
