/**
 * Trains the intent model once after install and caches its weights in
 * node_modules/.cache/rollcall, so the first start and every test worker load them instead
 * of each training their own copy.
 */
import { warmUpParser } from '../src/conversation/parse/parse-message.ts';

const started = Date.now();
await warmUpParser();
console.log(`intent model ready in ${Date.now() - started} ms`);
