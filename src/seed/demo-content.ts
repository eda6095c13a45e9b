/**
 * The demo's eLearning: a real SCORM 1.2 package (Rustici's "Golf Examples", CC BY 3.0, see
 * packages/README.md) imported onto GDPR Basics, so "start the GDPR course" works on a fresh
 * demo. Imported through the same use case as an admin's upload.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Deps } from '../deps.ts';
import { importPackage } from '../features/content/index.ts';
import { SYSTEM_ACTOR } from '../features/people/actor.ts';

const PACKAGE = fileURLToPath(new URL('./packages/golf-examples-single-sco.zip', import.meta.url));
export const DEMO_ELEARNING_COURSE = 'GDPR-101';

export async function seedDemoContent(
  deps: Pick<Deps, 'config' | 'db' | 'clock'>,
): Promise<{ packageId: string }> {
  const zip = await readFile(PACKAGE);
  const result = await importPackage(deps as Deps, SYSTEM_ACTOR, { zip, courseCode: DEMO_ELEARNING_COURSE });
  return { packageId: result.packageId };
}
