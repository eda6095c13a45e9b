import { parseArgs } from 'node:util';
import { loadActorByEmail } from '../../features/people/actor.ts';
import { handleTurn } from '../../conversation/handle-message.ts';
import { createInterpreterFromConfig } from '../../conversation/llm/create-interpreter.ts';
import { renderText } from '../../conversation/reply/render-text.ts';
import type { Deps } from '../../deps.ts';
import type { CliCommand } from '../command.ts';
import { forwardToService, openCliDeps } from '../open-cli-deps.ts';
import { DatabaseInUseError } from '../../db/data-dir-lock.ts';

/**
 * One chat turn as a person, through the same conversation core as Slack, Teams and the
 * web chat. State persists in the database, so consecutive invocations continue the dialogue.
 */
export async function chatTurn(
  deps: Deps,
  input: { as: string; text?: string; action?: { id: string; value: string }; thread?: string },
) {
  const actor = await loadActorByEmail(deps.db.prisma, input.as);
  const result = await handleTurn(
    deps,
    {
      personId: actor.personId,
      channel: 'cli',
      threadKey: input.thread ?? '',
      text: input.text,
      action: input.action,
    },
    { interpreter: createInterpreterFromConfig(deps) },
  );
  return {
    intent: result.intent,
    slots: result.slots,
    reply: {
      ...result.reply,
      files: result.reply.files?.map((f) => ({
        name: f.name,
        mimeType: f.mimeType,
        title: f.title,
        base64: f.content.toString('base64'),
      })),
    },
  };
}

export const chatCommand: CliCommand = {
  name: 'chat',
  usage:
    'chat --as <email> [--json] [--now <ISO>] [--action <id>=<value>] "<text>"   one turn as that person',
  async run(args, config) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        as: { type: 'string' },
        json: { type: 'boolean' },
        now: { type: 'string' },
        action: { type: 'string' },
        thread: { type: 'string' },
      },
    });
    if (!values.as) {
      process.stderr.write('chat needs --as <email>; `people` lists who you can be.\n');
      return 2;
    }
    const action = values.action
      ? { id: values.action.split('=')[0]!, value: values.action.split('=').slice(1).join('=') }
      : undefined;
    const input = { as: values.as, text: positionals.join(' '), action, thread: values.thread };
    const deps = await openCliDeps(config, { now: values.now }).catch(async (error: unknown) => {
      // A running service owns the embedded database: send it the turn instead.
      if (!(error instanceof DatabaseInUseError) || values.now) throw error;
      return forwardToService(error, config, '/api/cli/chat', input);
    });
    if ('forwarded' in deps) {
      printResult(deps.forwarded as Awaited<ReturnType<typeof chatTurn>>, values.json);
      return 0;
    }
    try {
      const result = await chatTurn(deps, input);
      printResult(result, values.json);
      return 0;
    } finally {
      await deps.db.close();
    }
  },
};

function printResult(result: Awaited<ReturnType<typeof chatTurn>>, json: boolean | undefined): void {
  if (json) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  const { files: _files, ...rest } = result.reply;
  process.stdout.write(renderText({ ...rest, files: [] }) + '\n');
  for (const f of result.reply.files ?? []) process.stdout.write(`(file: ${f.name})\n`);
}
