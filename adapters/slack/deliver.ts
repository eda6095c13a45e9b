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

/** A private answer through the payload's response_url (slash commands, button presses). */
export async function respondPrivately(
  responseUrl: string,
  reply: Reply,
  fetchFn: typeof fetch = fetch,
): Promise<void> {
  const message = renderSlackReply(reply);
  const res = await fetchFn(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      response_type: 'ephemeral',
      replace_original: false,
      text: message.text,
      blocks: message.blocks,
    }),
  });
  if (!res.ok) throw new Error(`response_url answered ${res.status}`);
}
