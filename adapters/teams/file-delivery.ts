/**
 * Files for Teams. A bot cannot attach bytes to a message, so:
 * - in a personal chat, the file consent flow: a FileConsentCard asks the person; on
 *   "Allow" Teams answers with an upload URL in their OneDrive, the bytes go there, and a
 *   FileInfoCard shows the file in the chat; "Decline" discards it;
 * - in a channel or group chat (no consent flow there), a link to a signed download served
 *   by Rollcall, valid for a limited time.
 * Pending files are rows of TeamsPendingFile, so whichever replica receives the answer to a
 * consent card (or the download request) finds the bytes, also after a restart; links are
 * signed with a key kept in the database (StoredSecret) for the same reason. An offer lasts
 * OFFER_TTL_MS, a link LINK_TTL_MS; after that the person is told to ask again.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Attachment } from 'botbuilder';
import type { ReplyFile } from '../../src/conversation/types.ts';
import type { Db } from '../../src/db/open-db.ts';
import { ensureStoredSecret } from '../../src/db/stored-secrets.ts';

export const FILE_CONSENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_TYPE = 'application/vnd.microsoft.teams.card.file.info';
export const OFFER_TTL_MS = 60 * 60 * 1000;
/** Download links expire sooner than consent offers: a link can be forwarded. */
export const LINK_TTL_MS = 15 * 60 * 1000;
export const DOWNLOAD_PATH = '/teams/files';
const LINK_SECRET = 'teams-file-links';

export interface UploadInfo {
  uploadUrl: string;
  contentUrl: string;
  name: string;
  uniqueId: string;
  fileType: string;
}

export class FileDelivery {
  constructor(
    private readonly db: Db,
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
    const rows = await this.db.prisma.$queryRaw<
      { name: string; mimeType: string; title: string | null; content: Uint8Array; expiresAt: Date }[]
    >`DELETE FROM "TeamsPendingFile" WHERE id = ${fileId}::uuid AND "conversationId" = ${conversationId}
      RETURNING name, "mimeType", title, content, "expiresAt"`;
    const row = rows[0];
    return row && row.expiresAt.getTime() > this.now() ? toFile(row) : undefined;
  }

  /** A signed, expiring download path for a channel or group chat. */
  async downloadPath(file: ReplyFile): Promise<string> {
    const id = await this.hold(file, '', LINK_TTL_MS);
    const expiresAt = this.now() + LINK_TTL_MS;
    const payload = `${id}.${expiresAt}`;
    return `${DOWNLOAD_PATH}/${payload}.${await this.sign(payload)}/${encodeURIComponent(file.name)}`;
  }

  /** The file behind a download token, if the signature holds and it has not expired. */
  async download(token: string): Promise<ReplyFile | undefined> {
    const [id, expires, signature] = token.split('.');
    if (!id || !expires || !signature || !UUID.test(id)) return undefined;
    const expected = Buffer.from(await this.sign(`${id}.${expires}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    if (Number(expires) <= this.now()) return undefined;
    const row = await this.db.prisma.teamsPendingFile.findFirst({
      where: { id, conversationId: '', expiresAt: { gt: new Date(this.now()) } },
    });
    return row ? toFile(row) : undefined;
  }

  private async hold(file: ReplyFile, conversationId: string, ttl: number): Promise<string> {
    const now = this.now();
    // Expired offers and links are dropped as new ones are made.
    await this.db.prisma.teamsPendingFile.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
    const row = await this.db.prisma.teamsPendingFile.create({
      data: {
        id: randomUUID(),
        conversationId,
        name: file.name,
        mimeType: file.mimeType,
        title: file.title ?? null,
        content: new Uint8Array(file.content),
        expiresAt: new Date(now + ttl),
      },
      select: { id: true },
    });
    return row.id;
  }

  private async sign(payload: string): Promise<string> {
    const key = (await ensureStoredSecret(this.db, LINK_SECRET)).current;
    return createHmac('sha256', key).update(payload).digest('base64url');
  }
}

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
