import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The package version, read once from package.json so it has one source. */
export const VERSION: string = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'),
).version;
