import { defineConfig } from 'prisma/config';

// The CLI is used offline only for `generate`; migrations are applied by src/db/migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
