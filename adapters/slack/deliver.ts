/**
 * Sending a Reply to Slack: blocks through chat.postMessage (or response_url for a private
 * answer to a slash command), files through files.uploadV2 — which is three calls:
 * files.getUploadURLExternal, a POST of the bytes to the returned URL, and
 * files.completeUploadExternal sharing them into the conversation.
 */
import type { WebClient } from '@slack/web-api';
import type { Reply, ReplyFile } from '../../src/conversation/types.ts';
import { renderSlackReply } from './render-reply.ts';

export interface SlackTarget {
  channelId: string;
  threadTs?: string;
}

export async function postReply(web: WebClient, target: SlackTarget, reply: Reply): Promise<void> {
  const message = renderSlackReply(reply);
  await web.chat.postMessage({
    channel: target.channelId,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    text: message.text,
    blocks: message.blocks,
  });
  await uploadFiles(web, target, reply.files);
}

export async function uploadFiles(
  web: WebClient,
  target: SlackTarget,
  files: ReplyFile[] | undefined,
): Promise<void> {
  if (!files?.length) return;
  await web.files.uploadV2({
    channel_id: target.channelId,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    file_uploads: files.map((f) => ({ file: f.content, filename: f.name, title: f.title ?? f.name })),
  } as Parameters<WebClient['files']['uploadV2']>[0]);
}

/** Where a button was pressed, as Slack describes it in a block_actions payload. */
export interface PressSource {
  channelId?: string;
  messageTs?: string;
  threadTs?: string;
  /** The pressed message was ephemeral (only the presser sees it): it has no ts to update. */
  ephemeral: boolean;
  responseUrl?: string;
}

/**
 * The answer to a press. A private prompt stays private: it is replaced through
 * response_url, never posted to the channel. Otherwise the pressed message itself is
 * updated to show the outcome (its buttons are spent). Files go to the presser's DM.
 * Returns where a follow-up (files) may go, if anywhere public was used.
 */
export async function answerPress(
  web: WebClient,
  source: PressSource,
  reply: Reply,
  dm: () => Promise<SlackTarget>,
): Promise<void> {
  const { files, ...message } = reply;
  const update = reply.updateSource !== false;
  if (source.responseUrl && (source.ephemeral || reply.private || !source.messageTs || !source.channelId)) {
    await respondPrivately(source.responseUrl, message, fetch, { replaceOriginal: update });
  } else if (source.channelId && source.messageTs && update) {
    const rendered = renderSlackReply(message);
    try {
      await web.chat.update({
        channel: source.channelId,
        ts: source.messageTs,
        text: rendered.text,
        blocks: rendered.blocks,
      });
    } catch (error) {
      // e.g. the message is too old to edit: answer the presser rather than nobody.
      if (!source.responseUrl) throw error;
      await respondPrivately(source.responseUrl, message, fetch, { replaceOriginal: false });
    }
  } else if (source.channelId) {
    await postReply(web, { channelId: source.channelId, threadTs: source.threadTs }, message);
  } else {
    await postReply(web, await dm(), message);
  }
  if (files?.length) {
    const inPrivate = source.ephemeral || reply.private || !source.channelId;
    await uploadFiles(
      web,
      inPrivate ? await dm() : { channelId: source.channelId!, threadTs: source.threadTs },
      files,
    );
  }
}

/** A private answer through the payload's response_url (slash commands, button presses). */
export async function respondPrivately(
  responseUrl: string,
  reply: Reply,
  fetchFn: typeof fetch = fetch,
  options: { replaceOriginal?: boolean } = {},
): Promise<void> {
  const message = renderSlackReply(reply);
  const res = await fetchFn(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      response_type: 'ephemeral',
      replace_original: options.replaceOriginal ?? false,
      text: message.text,
      blocks: message.blocks,
    }),
  });
  if (!res.ok) throw new Error(`response_url answered ${res.status}`);
}
