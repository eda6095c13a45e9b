/** `npm run db:check`: fails when schema.prisma and prisma/migrations disagree. */
import { diffMigrationsToSchema } from './lib/schema-diff.ts';

const sql = await diffMigrationsToSchema();
if (sql) {
  console.error(
    'schema.prisma and prisma/migrations disagree. Run `npm run db:new <name>`. Missing SQL:\n' + sql,
  );
  process.exit(1);
}
console.log('db:check: migrations match schema.prisma');
process.exit(0);
