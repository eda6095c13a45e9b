import type { Reply } from '../../src/conversation/types.ts';

/** Reply → JSON for the page: the same blocks, with files as base64 for download links. */
export function toWebReply(reply: Reply) {
  return {
    text: reply.text,
    blocks: reply.blocks,
    awaitingAnswer: reply.awaitingAnswer ?? false,
    files: (reply.files ?? []).map((f) => ({
      name: f.name,
      mimeType: f.mimeType,
      title: f.title ?? f.name,
      base64: f.content.toString('base64'),
    })),
  };
}
