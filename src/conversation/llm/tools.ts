/**
 * OpenAI tool definitions generated from the same zod schemas the parser's output is
 * validated with, so the model can only ask for what the parser could have produced.
 */
import { z } from 'zod';
import { INTENT_NAMES, INTENT_SCHEMAS, ZIntent, type Intent, type IntentName } from '../parse/intents.ts';
import type { Prompts } from './prompts.ts';

export interface ToolDefinition {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

export function buildTools(prompts: Prompts): ToolDefinition[] {
  return INTENT_NAMES.filter((name) => name !== 'unknown').map((name) => {
    const slots = INTENT_SCHEMAS[name].shape.slots as z.ZodType;
    const parameters = z.toJSONSchema(slots, { io: 'input', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
    delete parameters.$schema;
    return { type: 'function', function: { name, description: prompts.tools[name] ?? name, parameters } };
  });
}

/**
 * A tool call's name and JSON arguments, validated. Anything that does not validate is
 * dropped (undefined), never half-used. Unknown keys (e.g. an injected "actAs") are stripped
 * by the schema; identity never comes from here.
 */
export function intentFromToolCall(name: string, rawArguments: string): Intent | undefined {
  if (!(INTENT_NAMES as readonly string[]).includes(name) || name === 'unknown') return undefined;
  let args: unknown;
  try {
    args = rawArguments.trim() ? JSON.parse(rawArguments) : {};
  } catch {
    return undefined;
  }
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return undefined;
  const checked = ZIntent.safeParse({ intent: name as IntentName, slots: args });
  return checked.success ? checked.data : undefined;
}
