/** Files a reply can carry: CSV tables and simple SVG bar charts, built from the same rows. */
import type { ReplyFile } from '../types.ts';

function csvCell(value: string): string {
  // Spreadsheet apps run cells starting with = + - @ as formulas: neutralise them. A plain
  // number (a negative amount) is no formula and stays a number.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvFile(name: string, columns: string[], rows: string[][], title?: string): ReplyFile {
  const text = [columns, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  return { name, mimeType: 'text/csv', content: Buffer.from(text, 'utf8'), title: title ?? name };
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A horizontal bar chart (one or more series per label) as a standalone SVG file. */
export function barChartFile(
  name: string,
  title: string,
  labels: string[],
  series: { name: string; values: number[]; colour: string }[],
): ReplyFile {
  const rowHeight = 22 * series.length + 10;
  const width = 720;
  const left = 220;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const height = 60 + labels.length * rowHeight + 30;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="12" y="24" font-size="16" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  labels.forEach((label, i) => {
    const y = 50 + i * rowHeight;
    parts.push(`<text x="12" y="${y + 14}">${escapeXml(label.slice(0, 32))}</text>`);
    series.forEach((s, j) => {
      const value = s.values[i] ?? 0;
      const w = Math.round(((width - left - 60) * value) / max);
      parts.push(
        `<rect x="${left}" y="${y + j * 20}" width="${w}" height="16" fill="${s.colour}"/>`,
        `<text x="${left + w + 4}" y="${y + j * 20 + 12}">${value}</text>`,
      );
    });
  });
  series.forEach((s, j) =>
    parts.push(
      `<rect x="${12 + j * 140}" y="${height - 22}" width="12" height="12" fill="${s.colour}"/><text x="${28 + j * 140}" y="${height - 12}">${escapeXml(s.name)}</text>`,
    ),
  );
  parts.push('</svg>');
  return { name, mimeType: 'image/svg+xml', content: Buffer.from(parts.join('\n'), 'utf8'), title };
}
