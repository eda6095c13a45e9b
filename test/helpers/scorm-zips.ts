/**
 * Zips for SCORM tests, built in memory with yazl, plus byte-level edits for the hostile ones
 * yazl (rightly) refuses to write: `../` and absolute names, backslashes, lying sizes.
 */
import yazl from 'yazl';

export interface ZipEntry {
  name: string;
  data: string | Buffer;
  /** Unix mode incl. file type, e.g. 0o120777 for a symlink. */
  mode?: number;
  compress?: boolean;
}

export function zipOf(entries: ZipEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) {
    zip.addBuffer(Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data), e.name, {
      mode: e.mode,
      compress: e.compress ?? true,
      mtime: new Date('2026-01-01T00:00:00Z'),
    });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** Replaces an entry name everywhere it is stored (local header and central directory). */
export function renameEntry(zip: Buffer, from: string, to: string): Buffer {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to))
    throw new Error('names must have the same byte length');
  const out = Buffer.from(zip);
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  let at = out.indexOf(a);
  let count = 0;
  while (at !== -1) {
    b.copy(out, at);
    count++;
    at = out.indexOf(a, at + a.length);
  }
  if (count === 0) throw new Error(`no entry named ${from}`);
  return out;
}

/** Makes an entry claim `size` uncompressed bytes in the central directory and local header. */
export function setDeclaredSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const nameBytes = Buffer.from(name);
  for (let i = 0; i < out.length - 46; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x02014b50) {
      const nameLen = out.readUInt16LE(i + 28);
      if (out.subarray(i + 46, i + 46 + nameLen).equals(nameBytes)) out.writeUInt32LE(size, i + 24);
    } else if (sig === 0x04034b50) {
      const nameLen = out.readUInt16LE(i + 26);
      const declared = out.readUInt32LE(i + 22);
      if (declared !== 0 && out.subarray(i + 30, i + 30 + nameLen).equals(nameBytes))
        out.writeUInt32LE(size, i + 22);
    }
  }
  return out;
}

export interface TestSco {
  identifier: string;
  title: string;
  href: string;
  masteryScore?: number;
  parameters?: string;
  /** Extra XML inside the <item> (e.g. imsss:sequencing). */
  itemXml?: string;
}

/** A package of our own: one page per SCO that only finds the runtime, as real content would. */
export async function buildPackage(options: {
  version: '1.2' | '2004';
  title: string;
  scos: TestSco[];
  xmlBase?: string;
  /** SCORM 2004: XML after the organization's items (its imsss:sequencing). */
  organizationXml?: string;
}): Promise<Buffer> {
  const is12 = options.version === '1.2';
  const base = options.xmlBase ?? '';
  const items = options.scos
    .map(
      (
        s,
        i,
      ) => `      <item identifier="${s.identifier}" identifierref="res_${i}"${s.parameters ? ` parameters="${s.parameters}"` : ''}>
        <title>${s.title}</title>${s.masteryScore != null ? `\n        <adlcp:masteryscore>${s.masteryScore}</adlcp:masteryscore>` : ''}${s.itemXml ? `\n        ${s.itemXml}` : ''}
      </item>`,
    )
    .join('\n');
  const resources = options.scos
    .map(
      (
        s,
        i,
      ) => `    <resource identifier="res_${i}" type="webcontent" adlcp:${is12 ? 'scormtype' : 'scormType'}="sco" href="${s.href}">
      <file href="${s.href}"/>
    </resource>`,
    )
    .join('\n');
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="rollcall.test.${options.title.replace(/\W+/g, '-')}" version="1"
  xmlns="${is12 ? 'http://www.imsproject.org/xsd/imscp_rootv1p1p2' : 'http://www.imsglobal.org/xsd/imscp_v1p1'}"
  xmlns:adlcp="${is12 ? 'http://www.adlnet.org/xsd/adlcp_rootv1p2' : 'http://www.adlnet.org/xsd/adlcp_v1p3'}"${is12 ? '' : '\n  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"'}>
  <metadata><schema>ADL SCORM</schema><schemaversion>${is12 ? '1.2' : '2004 3rd Edition'}</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${options.title}</title>
${items}${options.organizationXml ? `\n      ${options.organizationXml}` : ''}
    </organization>
  </organizations>
  <resources${base ? ` xml:base="${base}"` : ''}>
${resources}
  </resources>
</manifest>`;
  const page = (
    title: string,
  ) => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><script>window.scoApi = window.parent.${is12 ? 'API' : 'API_1484_11'};</script></body></html>`;
  return zipOf([
    { name: 'imsmanifest.xml', data: manifest },
    ...options.scos.map((s) => ({ name: base + s.href, data: page(s.title) })),
  ]);
}
