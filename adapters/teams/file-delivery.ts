/**
 * Files for Teams. A bot cannot attach bytes to a message, so:
 * - in a personal chat, the file consent flow: a FileConsentCard asks the person; on
 *   "Allow" Teams answers with an upload URL in their OneDrive, the bytes go there, and a
 *   FileInfoCard shows the file in the chat; "Decline" discards it;
 * - in a channel or group chat (no consent flow there), a link to a download served by
 *   Rollcall, valid for a limited time.
 * Pending files are rows of TeamsPendingFile, so whichever replica receives the answer to a
 * consent card (or the download request) finds the bytes, also after a restart. A link
 * carries a random secret of its own, kept only as a SHA-256 hash: the link works on every
 * replica, and a copy of the database gives no working link. An offer lasts OFFER_TTL_MS, a
 * link LINK_TTL_MS; after that the person is told to ask again.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Attachment } from 'botbuilder';
import type { ReplyFile } from '../../src/conversation/types.ts';
import type { Deps } from '../../src/deps.ts';

export const FILE_CONSENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_TYPE = 'application/vnd.microsoft.teams.card.file.info';
export const OFFER_TTL_MS = 60 * 60 * 1000;
/** Download links expire sooner than consent offers: a link can be forwarded. */
export const LINK_TTL_MS = 15 * 60 * 1000;
export const DOWNLOAD_PATH = '/teams/files';

export interface UploadInfo {
  uploadUrl: string;
  contentUrl: string;
  name: string;
  uniqueId: string;
  fileType: string;
}

export class FileDelivery {
  constructor(
    private readonly deps: Pick<Deps, 'db'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The consent card for one file; `acceptContext` names the held bytes. */
  async consentCard(file: ReplyFile, conversationId: string): Promise<Attachment> {
    const id = await this.hold(file, conversationId, OFFER_TTL_MS);
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

  /**
   * Takes the held file for an answer to its consent card: once (the row is deleted in the
   * same statement that reads it, so two replicas cannot both upload), only from the
   * conversation it was offered in, and only before it expires.
   */
  async take(fileId: unknown, conversationId: string): Promise<ReplyFile | undefined> {
    if (typeof fileId !== 'string' || !UUID.test(fileId)) return undefined;
    const rows = await this.deps.db.prisma.$queryRaw<
      { name: string; mimeType: string; title: string | null; content: Uint8Array; expiresAt: Date }[]
    >`DELETE FROM "TeamsPendingFile" WHERE id = ${fileId}::uuid AND "conversationId" = ${conversationId}
      RETURNING name, "mimeType", title, content, "expiresAt"`;
    const row = rows[0];
    return row && row.expiresAt.getTime() > this.now() ? toFile(row) : undefined;
  }

  /** An expiring download path for a channel or group chat: `<id>.<secret>/<name>`. */
  async downloadPath(file: ReplyFile): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const id = await this.hold(file, '', LINK_TTL_MS, hashOf(secret));
    return `${DOWNLOAD_PATH}/${id}.${secret}/${encodeURIComponent(file.name)}`;
  }

  /** The file behind a download token, if its secret matches and it has not expired. */
  async download(token: string): Promise<ReplyFile | undefined> {
    const [id, secret, ...rest] = token.split('.');
    if (!id || !secret || rest.length || !UUID.test(id)) return undefined;
    const row = await this.deps.db.prisma.teamsPendingFile.findFirst({
      where: { id, conversationId: '', expiresAt: { gt: new Date(this.now()) } },
    });
    if (!row?.linkSecretHash) return undefined;
    const expected = Buffer.from(row.linkSecretHash, 'hex');
    const given = Buffer.from(hashOf(secret), 'hex');
    return timingSafeEqual(given, expected) ? toFile(row) : undefined;
  }

  private async hold(
    file: ReplyFile,
    conversationId: string,
    ttl: number,
    linkSecretHash?: string,
  ): Promise<string> {
    const now = this.now();
    // Expired offers and links are dropped as new ones are made.
    await this.deps.db.prisma.teamsPendingFile.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
    const row = await this.deps.db.prisma.teamsPendingFile.create({
      data: {
        id: randomUUID(),
        conversationId,
        name: file.name,
        mimeType: file.mimeType,
        title: file.title ?? null,
        content: new Uint8Array(file.content),
        expiresAt: new Date(now + ttl),
        linkSecretHash: linkSecretHash ?? null,
      },
      select: { id: true },
    });
    return row.id;
  }
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function toFile(row: {
  name: string;
  mimeType: string;
  title: string | null;
  content: Uint8Array;
}): ReplyFile {
  return {
    name: row.name,
    mimeType: row.mimeType,
    ...(row.title ? { title: row.title } : {}),
    content: Buffer.from(row.content),
  };
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
