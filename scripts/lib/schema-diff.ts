/**
 * Offline migration authoring: the native schema-engine cannot be downloaded here, so we
 * run Prisma's schema engine compiled to WASM against a throwaway in-memory PGlite shadow
 * database. `diffMigrationsToSchema()` answers "what SQL takes the migrations folder to
 * schema.prisma?"; empty means no drift.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { createRequire } from 'node:module';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';

export const root = path.resolve(import.meta.dirname, '../..');
export const schemaPath = path.join(root, 'prisma/schema.prisma');
export const migrationsDir = path.join(root, 'prisma/migrations');

/** Hand-written invariants Prisma cannot model are named `inv_*`; the engine would drop them. */
const HAND_WRITTEN = /"inv_[a-z0-9_]+"/;

function migrationList() {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: {
          tag: 'ok' as const,
          value: readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8'),
        },
      },
    })),
  };
}

/** Removes statements that only undo our hand-written invariants (DROP INDEX "inv_…"). */
export function withoutHandWrittenDrops(script: string): string {
  return script
    .split(/\n(?=-- )/)
    .map((chunk) =>
      chunk
        .split('\n')
        .filter((line) => !(HAND_WRITTEN.test(line) && /^\s*DROP /i.test(line)))
        .join('\n'),
    )
    .filter((chunk) => chunk.split('\n').some((line) => line.trim() && !line.trim().startsWith('--')))
    .join('\n')
    .trim();
}

/**
 * The package's entry imports the .wasm file as an ES module, which Node 20 cannot do;
 * instantiate it by hand against the same JS bindings instead.
 */
let engineReady: Promise<typeof engineBindings.SchemaEngine> | undefined;
function loadSchemaEngine() {
  engineReady ??= (async () => {
    const bindingsPath = createRequire(import.meta.url).resolve(
      '@prisma/schema-engine-wasm/schema_engine_bg',
    );
    const wasmPath = path.join(path.dirname(bindingsPath), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      './schema_engine_bg.js': engineBindings as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start?: () => void };
    (engineBindings as unknown as { __wbg_set_wasm(w: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start?.();
    return engineBindings.SchemaEngine;
  })();
  return engineReady;
}

export async function diffMigrationsToSchema(): Promise<string> {
  const pglite = new PGlite();
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(pglite));
  const schema = readFileSync(schemaPath, 'utf8');
  const logs: string[] = [];
  const SchemaEngine = await loadSchemaEngine();
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (line: string) => logs.push(line),
    factory,
  );
  try {
    const result = await engine.diff({
      from: { tag: 'migrations', ...migrationList() },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return withoutHandWrittenDrops(result.stdout ?? '');
  } catch (error) {
    // Adapter errors reach us as "External error id#N"; the registry holds the real cause.
    const id = /id#(\d+)/.exec(String(error))?.[1];
    const cause = id ? factory.errorRegistry.consumeError(Number(id)) : undefined;
    throw new Error(
      `schema engine failed: ${String(error)}${cause ? ` (${JSON.stringify(cause.error)})` : ''}`,
    );
  } finally {
    engine.free();
    await pglite.close();
  }
}
