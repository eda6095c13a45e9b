/**
 * The server checks what a SCO commits against the SCORM data model before storing it: the
 * browser runtime validates too, but a commit is an HTTP request anyone holding the link
 * can send. Sizes are the data model's (SCORM 1.2 suspend_data 4,096 characters, 2004
 * 64,000), vocabularies its enumerations, numbers within their ranges; no NUL characters
 * anywhere (PostgreSQL text cannot hold them). A refusal names the element.
 */
import { AppError } from '../../shared/app-error.ts';
import type { ScormVersionName } from '../content/parse-manifest.ts';

type Tree = Record<string, unknown>;

/** SCORM's "incorrect data type" / "value out of range", for the runtime's GetLastError. */
const TYPE_MISMATCH = 405;
const OUT_OF_RANGE = 407;

interface Rule {
  path: string;
  max?: number;
  vocabulary?: readonly string[];
  range?: [number, number];
}

const RULES_12: Rule[] = [
  {
    path: 'core.lesson_status',
    vocabulary: ['passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted'],
  },
  { path: 'core.exit', vocabulary: ['time-out', 'suspend', 'logout', ''] },
  { path: 'core.lesson_location', max: 255 },
  { path: 'core.score.raw', range: [0, 100] },
  { path: 'core.score.min', range: [0, 100] },
  { path: 'core.score.max', range: [0, 100] },
  { path: 'suspend_data', max: 4096 },
];

const RULES_2004: Rule[] = [
  { path: 'completion_status', vocabulary: ['completed', 'incomplete', 'not attempted', 'unknown'] },
  { path: 'success_status', vocabulary: ['passed', 'failed', 'unknown'] },
  { path: 'exit', vocabulary: ['time-out', 'suspend', 'logout', 'normal', ''] },
  { path: 'location', max: 1000 },
  { path: 'suspend_data', max: 64000 },
  { path: 'score.scaled', range: [-1, 1] },
  { path: 'score.raw', range: [-1e7, 1e7] },
  { path: 'score.min', range: [-1e7, 1e7] },
  { path: 'score.max', range: [-1e7, 1e7] },
  { path: 'progress_measure', range: [0, 1] },
];

/** Longest any one stored string may be (interactions, comments): far above the model's own. */
const MAX_ANY_STRING = 64000;

export function checkCmi(version: ScormVersionName, cmi: Tree): void {
  for (const rule of version === 'scorm12' ? RULES_12 : RULES_2004) {
    const value = valueAt(cmi, rule.path);
    if (value === undefined || value === null) continue;
    const element = `cmi.${rule.path}`;
    if (rule.range) {
      if (value === '') continue;
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
      if (!Number.isFinite(n)) refuse(TYPE_MISMATCH, `${element} must be a number.`);
      if (n < rule.range[0] || n > rule.range[1])
        refuse(OUT_OF_RANGE, `${element} must be between ${rule.range[0]} and ${rule.range[1]}.`);
      continue;
    }
    if (typeof value !== 'string') refuse(TYPE_MISMATCH, `${element} must be text.`);
    if (rule.vocabulary && !rule.vocabulary.includes(value))
      refuse(TYPE_MISMATCH, `${element} must be one of: ${rule.vocabulary.filter(Boolean).join(', ')}.`);
    if (rule.max !== undefined && value.length > rule.max)
      refuse(OUT_OF_RANGE, `${element} is limited to ${rule.max} characters.`);
  }
  assertNoNul(cmi, 'cmi', 0);
}

function valueAt(tree: Tree, path: string): unknown {
  let node: unknown = tree;
  for (const key of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Tree)[key];
  }
  return node;
}

function assertNoNul(value: unknown, where: string, depth: number): void {
  if (depth > 12) refuse(TYPE_MISMATCH, 'The CMI data is nested too deeply.');
  if (typeof value === 'string') {
    if (value.includes('\u0000')) refuse(TYPE_MISMATCH, `${where} contains a NUL character.`);
    if (value.length > MAX_ANY_STRING)
      refuse(OUT_OF_RANGE, `${where} is longer than ${MAX_ANY_STRING} characters.`);
    return;
  }
  if (typeof value === 'number' && !Number.isFinite(value))
    refuse(TYPE_MISMATCH, `${where} must be a finite number.`);
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertNoNul(item, `${where}.${i}`, depth + 1));
    return;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) refuse(TYPE_MISMATCH, `${where} has a key with a NUL character.`);
      assertNoNul(item, `${where}.${key}`, depth + 1);
    }
  }
}

function refuse(scormErrorCode: number, message: string): never {
  throw new AppError('VALIDATION', message, { scormErrorCode });
}
