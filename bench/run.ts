/**
 * `npm run bench [name…]`: runs every bench/*.bench.ts (or the named ones) in turn. Each
 * exports `default async function run(): Promise<void>` and prints its own comparison.
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { printed } from './lib/report.ts';
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
// Other work on the machine moves every figure: say how busy it was.
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const loadBefore = load();
for (const file of files) {
  console.log(`\n# ${file}`);
  const mod = (await import(pathToFileURL(path.join(import.meta.dirname, file)).href)) as {
    default: () => Promise<void>;
  };
  await mod.default();
}
const fmt = (v: number) => v.toFixed(v < 10 ? 2 : 0);
console.log(`\n# Summary (load average before ${loadBefore}, after ${load()}; ${os.cpus().length} cores)`);
// Targets are stated in the titles; a figure without one says so rather than pass for met.
for (const p of printed)
  console.log(
    `  ${p.title}${/target/.test(p.title) ? '' : ' (no target set)'}\n    ${fmt(p.subject.value)} ${p.subject.unit} vs ${fmt(p.baseline.value)} ${p.baseline.unit} (${p.baseline.label}): ${p.ratio.toFixed(2)}x`,
  );
process.exit(0);
