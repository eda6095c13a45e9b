/**
 * What `npm start` runs, read from package.json's start script: the benches start the service
 * exactly so (the same node flags), or their memory and speed would be another process's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** The node flags of the start script (e.g. the heap limit), in order. */
export function startNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [command, ...words] = pkg.scripts.start.trim().split(/\s+/);
  if (command !== 'node')
    throw new Error(`npm start runs ${command}, not node: update ${import.meta.filename}`);
  return words.filter((word) => word.startsWith('--'));
}
