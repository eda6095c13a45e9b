/** Plain-text rendering of a Reply, for the CLI and any text-only channel. */
import type { Reply } from '../types.ts';

export function renderText(reply: Reply): string {
  const out: string[] = [];
  for (const block of reply.blocks) {
    switch (block.type) {
      case 'section':
        out.push(block.text);
        break;
      case 'context':
        out.push(`  ${block.text}`);
        break;
      case 'divider':
        out.push('—');
        break;
      case 'fields':
        out.push(...block.fields.map((f) => `  ${f.label}: ${f.value}`));
        break;
      case 'table': {
        if (block.title) out.push(block.title);
        const widths = block.columns.map((c, i) =>
          Math.max(c.length, ...block.rows.map((r) => (r[i] ?? '').length)),
        );
        const line = (cells: string[]) =>
          '  ' +
          cells
            .map((c, i) => (c ?? '').padEnd(widths[i]!))
            .join('  ')
            .trimEnd();
        out.push(line(block.columns), ...block.rows.map(line));
        break;
      }
      case 'choices':
        out.push(block.prompt, ...block.choices.map((c) => `  ${c.label}`));
        break;
      case 'buttons':
        out.push(`[${block.buttons.map((b) => (b.url ? `${b.label} <${b.url}>` : b.label)).join('] [')}]`);
        break;
    }
  }
  for (const file of reply.files ?? []) out.push(`(file: ${file.name}, ${file.content.length} bytes)`);
  return out.join('\n');
}
