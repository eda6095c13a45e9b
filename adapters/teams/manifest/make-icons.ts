/**
 * Draws the Teams app icons with no image library: a tiny PNG encoder (zlib for the IDAT
 * stream, CRC-32 per chunk). Teams wants a 192×192 full-colour icon and a 32×32 outline
 * icon that is white on transparent. Run: `npx tsx adapters/teams/manifest/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++)
      raw.set(
        pixel(x, y).map((v) => Math.max(0, Math.min(255, Math.round(v)))),
        row + 1 + x * 4,
      );
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Coverage (0..1) of a thick check mark, in unit coordinates, anti-aliased over `px` pixels. */
function checkMark(u: number, v: number, px: number): number {
  const d = Math.min(segment(u, v, 0.27, 0.52, 0.44, 0.69), segment(u, v, 0.44, 0.69, 0.76, 0.33));
  return Math.max(0, Math.min(1, (0.075 - d) / px + 0.5));
}

function segment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** Rounded-square tile coverage. */
function tile(u: number, v: number, px: number, radius = 0.18): number {
  const qx = Math.max(Math.abs(u - 0.5) - (0.5 - radius), 0);
  const qy = Math.max(Math.abs(v - 0.5) - (0.5 - radius), 0);
  return Math.max(0, Math.min(1, (radius - Math.hypot(qx, qy)) / px + 0.5));
}

export function colorIcon(): Buffer {
  const size = 192;
  const px = 1 / size;
  const navy: Rgba = [31, 58, 95, 255];
  return encodePng(size, size, (x, y) => {
    const u = (x + 0.5) / size;
    const v = (y + 0.5) / size;
    const inTile = tile(u, v, px);
    const mark = checkMark(u, v, px);
    const mix = (a: number, b: number) => a * (1 - mark) + b * mark;
    return [mix(navy[0], 255), mix(navy[1], 255), mix(navy[2], 255), 255 * inTile];
  });
}

export function outlineIcon(): Buffer {
  const size = 32;
  return encodePng(size, size, (x, y) => [
    255,
    255,
    255,
    255 * checkMark((x + 0.5) / size, (y + 0.5) / size, 1 / size),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(path.join(import.meta.dirname, 'color.png'), colorIcon());
  writeFileSync(path.join(import.meta.dirname, 'outline.png'), outlineIcon());
  console.log('wrote color.png (192×192) and outline.png (32×32)');
}
