/**
 * The system prompt and one description per tool, read from prompts/ once at start-up so
 * they can be edited without touching code. A missing tool file falls back to the intent name.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { INTENT_NAMES, type IntentName } from '../parse/intents.ts';

export interface Prompts {
  system: string;
  tools: Partial<Record<IntentName, string>>;
}

export const DEFAULT_PROMPTS_DIR = path.resolve(import.meta.dirname, '../../../prompts');

export function loadPrompts(dir = DEFAULT_PROMPTS_DIR): Prompts {
  const system = readFileSync(path.join(dir, 'system.md'), 'utf8');
  const tools: Prompts['tools'] = {};
  for (const name of INTENT_NAMES) {
    const file = path.join(dir, 'tools', `${name}.md`);
    if (existsSync(file)) tools[name] = readFileSync(file, 'utf8').trim();
  }
  return { system, tools };
}

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}
