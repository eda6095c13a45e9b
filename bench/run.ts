/**
 * `npm run bench [name…]`: runs every bench/*.bench.ts (or the named ones) in turn. Each
 * exports `default async function run(): Promise<void>` and prints its own comparison.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const only = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();
if (files.length === 0) {
  console.error(`No benchmark matches ${only.join(', ')}.`);
  process.exit(2);
}
for (const file of files) {
  console.log(`\n# ${file}`);
  const mod = (await import(pathToFileURL(path.join(import.meta.dirname, file)).href)) as {
    default: () => Promise<void>;
  };
  await mod.default();
}
process.exit(0);
