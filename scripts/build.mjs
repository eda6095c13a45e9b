/**
 * `npm run build`: compiles src/ and adapters/ to dist/ once, so `npm start` runs plain
 * JavaScript instead of compiling TypeScript at every start (tsx stays for `npm run dev`, the
 * CLI and the tests). Types are checked by `npm run typecheck`, not here: the emit alone is
 * a few seconds. `--if-stale` (prestart) builds only when a source file is newer than the
 * last build. The code finds package.json, prompts/, prisma/migrations, the demo package and
 * the parser's cached model relative to its own file, so dist/ links to them. It also makes
 * the migrated database template a first start on the embedded database begins from.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.built');
const sources = ['src', 'adapters', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** Newest modification time under the given paths (ms). */
function newest(entry) {
  const info = statSync(entry, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const name of readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, name)));
  return latest;
}

/**
 * The migrated embedded database a first start copies in (src/db/pglite-template.ts), made
 * when the current migrations have none yet: a new migration needs no source rebuild, so
 * this runs even when dist/ is fresh (the check alone is a few milliseconds).
 */
async function ensurePgliteTemplate() {
  const module = path.join(dist, 'src/db/pglite-template.js');
  const { buildPgliteTemplate } = await import(pathToFileURL(module).href);
  const started = Date.now();
  try {
    const { file, built } = await buildPgliteTemplate();
    if (built) console.log(`built ${path.relative(root, realpathSync(file))} in ${Date.now() - started} ms`);
  } catch (error) {
    // Only a head start: without it a first start runs initdb and the migrations itself.
    console.warn(`no PGlite template (first starts will take longer): ${error.message}`);
  }
}

const ifStale = process.argv.includes('--if-stale');
const builtAt = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (ifStale && builtAt > 0 && sources.every((s) => newest(path.join(root, s)) <= builtAt)) {
  await ensurePgliteTemplate();
  process.exit(0);
}

const started = Date.now();
rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

/** dist/<to> → <from>: what the compiled code reads beside itself. */
const links = [
  ['package.json', 'package.json'],
  ['prompts', 'prompts'],
  ['prisma', 'prisma'],
  ['node_modules', 'node_modules'],
  ['src/seed/packages', 'src/seed/packages'],
];
for (const [to, from] of links) {
  const target = path.join(dist, to);
  if (!existsSync(path.join(root, from))) continue;
  mkdirSync(path.dirname(target), { recursive: true });
  symlinkSync(path.relative(path.dirname(target), path.join(root, from)), target);
}
writeFileSync(stamp, `${new Date().toISOString()}\n`);
console.log(`built dist/ in ${Date.now() - started} ms`);
await ensurePgliteTemplate();
