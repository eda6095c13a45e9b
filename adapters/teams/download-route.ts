/** `GET /teams/files/<id>.<secret>/<name>`: the signed, expiring links posted in channels. */
import type { Hono } from 'hono';
import { DOWNLOAD_PATH, type FileDelivery } from './file-delivery.ts';

export function mountFileDownloads(app: Hono, files: FileDelivery): void {
  app.get(`${DOWNLOAD_PATH}/:token/:name`, async (c) => {
    const file = await files.download(c.req.param('token'));
    if (!file) {
      return c.json(
        { error: { code: 'NOT_FOUND', message: 'This download link has expired or is not valid.' } },
        404,
      );
    }
    return c.body(new Uint8Array(file.content), 200, {
      'content-type': file.mimeType,
      'content-disposition': `attachment; filename="${file.name.replace(/["\\\r\n]/g, '_')}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
  });
}
