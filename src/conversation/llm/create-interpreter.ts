import type { Deps } from '../../deps.ts';
import type { IntentInterpreter } from '../handle-message.ts';
import { OpenAiInterpreter } from './openai-interpreter.ts';
import { loadPrompts, type Prompts } from './prompts.ts';

let cachedPrompts: Prompts | undefined;

/** The OpenAI layer when OPENAI_API_KEY is set; otherwise none, and the parser serves alone. */
export function createInterpreterFromConfig(
  deps: Pick<Deps, 'config' | 'log'>,
  prompts?: Prompts,
): IntentInterpreter | undefined {
  const { config } = deps;
  if (!config.OPENAI_API_KEY) return undefined;
  cachedPrompts ??= prompts ?? loadPrompts();
  return new OpenAiInterpreter(
    {
      apiKey: config.OPENAI_API_KEY,
      baseURL: config.OPENAI_BASE_URL,
      model: config.OPENAI_MODEL,
      timeoutMs: config.OPENAI_TIMEOUT_MS,
    },
    prompts ?? cachedPrompts,
    deps.log,
  );
}
