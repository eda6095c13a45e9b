/**
 * Files for Teams. A bot cannot attach bytes to a message, so:
 * - in a personal chat, the file consent flow: a FileConsentCard asks the person; on
 *   "Allow" Teams answers with an upload URL in their OneDrive, the bytes go there, and a
 *   FileInfoCard shows the file in the chat; "Decline" discards it;
 * - in a channel or group chat (no consent flow there), a link to a signed download served
 *   by Rollcall, valid for a limited time.
 * Pending files are held in memory for OFFER_TTL_MS: an offer outlives neither that nor a
 * restart, and the person is told to ask again.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Attachment } from 'botbuilder';
import type { ReplyFile } from '../../src/conversation/types.ts';

export const FILE_CONSENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_TYPE = 'application/vnd.microsoft.teams.card.file.info';
export const OFFER_TTL_MS = 60 * 60 * 1000;
/** Download links expire sooner than consent offers: a link can be forwarded. */
export const LINK_TTL_MS = 15 * 60 * 1000;
export const DOWNLOAD_PATH = '/teams/files';

interface Pending {
  file: ReplyFile;
  expiresAt: number;
  /** The personal chat the offer was made in: only that conversation may accept it. */
  conversationId: string;
}

export interface UploadInfo {
  uploadUrl: string;
  contentUrl: string;
  name: string;
  uniqueId: string;
  fileType: string;
}

export class FileDelivery {
  private readonly pending = new Map<string, Pending>();
  private readonly key = randomBytes(32);

  constructor(private readonly now: () => number = Date.now) {}

  /** The consent card for one file; `acceptContext` names the held bytes. */
  consentCard(file: ReplyFile, conversationId: string): Attachment {
    this.sweep();
    const id = randomUUID();
    this.pending.set(id, { file, expiresAt: this.now() + OFFER_TTL_MS, conversationId });
    return {
      contentType: FILE_CONSENT_TYPE,
      name: file.name,
      content: {
        description: file.title ?? file.name,
        sizeInBytes: file.content.length,
        acceptContext: { fileId: id },
        declineContext: { fileId: id },
      },
    };
  }

  /** Takes the held file for an answer to its consent card (once; later answers find nothing). */
  take(fileId: unknown, conversationId: string): ReplyFile | undefined {
    if (typeof fileId !== 'string') return undefined;
    const entry = this.pending.get(fileId);
    if (!entry || entry.conversationId !== conversationId) return undefined;
    this.pending.delete(fileId);
    return entry.expiresAt > this.now() ? entry.file : undefined;
  }

  /** A signed, expiring download path for a channel or group chat. */
  downloadPath(file: ReplyFile): string {
    this.sweep();
    const id = randomUUID();
    const expiresAt = this.now() + LINK_TTL_MS;
    this.pending.set(id, { file, expiresAt, conversationId: '' });
    const payload = `${id}.${expiresAt}`;
    return `${DOWNLOAD_PATH}/${payload}.${this.sign(payload)}/${encodeURIComponent(file.name)}`;
  }

  /** The file behind a download token, if the signature holds and it has not expired. */
  download(token: string): ReplyFile | undefined {
    const [id, expires, signature] = token.split('.');
    if (!id || !expires || !signature) return undefined;
    const expected = Buffer.from(this.sign(`${id}.${expires}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    if (Number(expires) <= this.now()) return undefined;
    const entry = this.pending.get(id);
    return entry && entry.expiresAt > this.now() ? entry.file : undefined;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(id);
  }
}

/** PUTs the bytes to the OneDrive upload session Teams opened for the accepted file. */
export async function uploadToConsentUrl(uploadUrl: string, file: ReplyFile): Promise<void> {
  const size = file.content.length;
  const res = await fetch(uploadUrl, {
    method: 'PUT',
    headers: {
      'content-length': String(size),
      'content-range': `bytes 0-${size - 1}/${size}`,
    },
    body: new Uint8Array(file.content),
  });
  if (!res.ok) throw new Error(`file upload answered ${res.status}`);
}

export function fileInfoCard(info: UploadInfo): Attachment {
  return {
    contentType: FILE_INFO_TYPE,
    contentUrl: info.contentUrl,
    name: info.name,
    content: { uniqueId: info.uniqueId, fileType: info.fileType },
  };
}
