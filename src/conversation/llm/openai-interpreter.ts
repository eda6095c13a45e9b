/**
 * The optional OpenAI layer: only for messages the deterministic parser cannot place. One
 * chat-completions call with tools; the first valid tool call becomes the intent. Timeouts,
 * API errors and malformed calls give undefined, and the caller answers deterministically.
 */
import type OpenAI from 'openai';
import type { Actor } from '../../features/people/actor.ts';
import type { Logger } from '../../shared/logger.ts';
import { toLocal } from '../../shared/time.ts';
import type { IntentInterpreter } from '../handle-message.ts';
import type { Intent } from '../parse/intents.ts';
import { MAX_MESSAGE_CHARS } from '../parse/parse-message.ts';
import { fillTemplate, type Prompts } from './prompts.ts';
import { buildTools, intentFromToolCall, type ToolDefinition } from './tools.ts';

export interface OpenAiOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  organisation?: string;
}

export class OpenAiInterpreter implements IntentInterpreter {
  private client: Promise<OpenAI> | undefined;
  private readonly tools: ToolDefinition[];

  constructor(
    private readonly options: OpenAiOptions,
    private readonly prompts: Prompts,
    private readonly log: Logger,
  ) {
    this.tools = buildTools(prompts);
  }

  /** The SDK is loaded on the first message the parser cannot place, not at every start. */
  private openAi(): Promise<OpenAI> {
    this.client ??= import('openai').then(
      ({ default: OpenAI }) =>
        new OpenAI({
          apiKey: this.options.apiKey,
          baseURL: this.options.baseURL,
          timeout: this.options.timeoutMs,
          maxRetries: 0,
        }),
    );
    return this.client;
  }

  async interpret(text: string, actor: Actor, now: Date): Promise<Intent | undefined> {
    const local = toLocal(now, actor.timeZone);
    const pad = (n: number) => String(n).padStart(2, '0');
    // Only the zone and the clock go to the model: no name, e-mail, role or id, so the model
    // cannot be talked into acting as anyone, and it has nothing personal to leak.
    const system = fillTemplate(this.prompts.system, {
      organisation: this.options.organisation ?? 'the organisation',
      timeZone: actor.timeZone,
      now: `${local.year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}`,
    });
    try {
      const completion = await (await this.openAi()).chat.completions.create(
        {
          model: this.options.model,
          messages: [
            { role: 'system', content: system },
            { role: 'user', content: text.slice(0, MAX_MESSAGE_CHARS) },
          ],
          tools: this.tools,
          tool_choice: 'auto',
          temperature: 0,
        },
        { timeout: this.options.timeoutMs },
      );
      for (const call of completion.choices?.[0]?.message?.tool_calls ?? []) {
        if (call.type !== 'function') continue;
        const intent = intentFromToolCall(call.function.name, call.function.arguments ?? '');
        if (intent) return intent;
        this.log.warn({ tool: call.function.name }, 'LLM tool call rejected by validation');
      }
      return undefined;
    } catch (error) {
      this.log.warn({ err: (error as Error).message }, 'LLM call failed; answering deterministically');
      return undefined;
    }
  }
}
