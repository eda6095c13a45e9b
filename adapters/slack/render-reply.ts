/**
 * The core's Reply → Block Kit. Slack's limits shape the rendering: 50 blocks a message,
 * 3000 characters a section, 10 fields a section, 25 elements an actions block, 75
 * characters a button or option label, 100 options a select, and action ids unique within
 * a message. Text past a limit is cut with an ellipsis rather than refused by Slack.
 */
import type { KnownBlock, Button, PlainTextOption } from '@slack/types';
import type { Reply, ReplyBlock, ReplyButton } from '../../src/conversation/types.ts';
import { confirmQuestion } from '../shared/confirm-question.ts';

const MAX_BLOCKS = 50;
const MAX_SECTION_TEXT = 3000;
const MAX_FIELDS = 10;
const MAX_FIELD_TEXT = 2000;
const MAX_ACTIONS = 25;
const MAX_LABEL = 75;
const MAX_OPTIONS = 100;
/** Tables up to this many rows are shown as label/value fields; longer ones as a monospaced block. */
const MAX_FIELD_TABLE_ROWS = 8;

export interface SlackMessage {
  /** The notification / fallback text: Slack shows it where blocks cannot be shown. */
  text: string;
  blocks: KnownBlock[];
}

/** `counter` numbers action ids; share one across replies rendered into the same view. */
export function renderSlackReply(reply: Reply, counter = { n: 0 }): SlackMessage {
  const blocks = reply.blocks.flatMap((block) => renderBlock(block, counter));
  if (blocks.length === 0 || !reply.blocks.some((b) => b.type === 'section')) {
    blocks.unshift(section(reply.text));
  }
  if (blocks.length > MAX_BLOCKS) {
    blocks.length = MAX_BLOCKS - 1;
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: '_More than Slack can show in one message; ask for a file to see everything._',
        },
      ],
    });
  }
  return { text: cut(reply.text, 4000), blocks };
}

function renderBlock(block: ReplyBlock, counter: { n: number }): KnownBlock[] {
  switch (block.type) {
    case 'section':
      return [section(block.text)];
    case 'fields':
      return chunk(block.fields, MAX_FIELDS).map((fields) => ({
        type: 'section',
        fields: fields.map((f) => ({
          type: 'mrkdwn',
          text: cut(`*${escape(f.label)}*\n${escape(f.value)}`, MAX_FIELD_TEXT),
        })),
      }));
    case 'table':
      return renderTable(block);
    case 'buttons':
      return chunk(block.buttons, MAX_ACTIONS).map((buttons) => ({
        type: 'actions',
        elements: buttons.map((b) => button(b, counter)),
      }));
    case 'choices': {
      const options: PlainTextOption[] = block.choices.slice(0, MAX_OPTIONS).map((c) => ({
        text: { type: 'plain_text', text: cut(c.label, MAX_LABEL) },
        value: c.value.slice(0, 150),
      }));
      return [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: cut(escape(block.prompt), MAX_SECTION_TEXT) },
          accessory: {
            type: 'static_select',
            action_id: `${block.actionId}#${counter.n++}`,
            placeholder: { type: 'plain_text', text: 'Choose…' },
            options,
          },
        },
      ];
    }
    case 'divider':
      return [{ type: 'divider' }];
    case 'context':
      return [
        { type: 'context', elements: [{ type: 'mrkdwn', text: cut(escape(block.text), MAX_SECTION_TEXT) }] },
      ];
  }
}

function renderTable(block: Extract<ReplyBlock, { type: 'table' }>): KnownBlock[] {
  const out: KnownBlock[] = [];
  if (block.title) out.push(section(`*${escape(block.title)}*`));
  if (block.rows.length === 0) {
    out.push({ type: 'context', elements: [{ type: 'mrkdwn', text: '_No rows._' }] });
    return out;
  }
  if (block.rows.length <= MAX_FIELD_TABLE_ROWS) {
    // One section per row: the first column as the heading, the others as fields.
    for (const row of block.rows) {
      const fields = block.columns.slice(1).map((col, i) => ({
        type: 'mrkdwn' as const,
        text: cut(`*${escape(col)}*\n${escape(row[i + 1] ?? '')}`, MAX_FIELD_TEXT),
      }));
      out.push({
        type: 'section',
        text: { type: 'mrkdwn', text: cut(`*${escape(row[0] ?? '')}*`, MAX_SECTION_TEXT) },
        ...(fields.length ? { fields: fields.slice(0, MAX_FIELDS) } : {}),
      });
    }
    return out;
  }
  const widths = block.columns.map((c, i) =>
    Math.min(30, Math.max(charCount(c), ...block.rows.map((r) => charCount(r[i] ?? '')))),
  );
  // Inside a code block Slack still reads &, < and >; backticks would end the block early.
  const line = (cells: string[]) =>
    escape(
      cells
        .map((cell, i) => padChars(cut(cell.replace(/`/g, "'").replace(/\s+/g, ' '), widths[i]!), widths[i]!))
        .join('  ')
        .trimEnd(),
    );
  const lines = [line(block.columns), ...block.rows.map(line)];
  let text = '';
  let shown = 0;
  for (const l of lines) {
    if (text.length + l.length + 10 > MAX_SECTION_TEXT) break;
    text += `${l}\n`;
    shown++;
  }
  out.push(section('```' + text + '```', false));
  if (shown < lines.length) {
    out.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `_Showing ${shown - 1} of ${block.rows.length} rows._` }],
    });
  }
  return out;
}

/** Slack reports presses of link buttons too; this id tells the adapter to ignore them. */
export const LINK_ACTION_ID = 'open_link';

function button(b: ReplyButton, counter: { n: number }): Button {
  const element: Button = {
    type: 'button',
    text: { type: 'plain_text', text: cut(b.label, MAX_LABEL) },
    action_id: `${b.url ? LINK_ACTION_ID : b.actionId}#${counter.n++}`,
    value: b.value.slice(0, 2000),
  };
  if (b.style) element.style = b.style;
  if (b.url) element.url = b.url;
  const question = confirmQuestion(b);
  if (question) {
    element.confirm = {
      title: { type: 'plain_text', text: 'Are you sure?' },
      text: { type: 'plain_text', text: cut(question, 300) },
      confirm: { type: 'plain_text', text: cut(b.label, 30) },
      deny: { type: 'plain_text', text: 'Keep it' },
      ...(b.style === 'danger' || question !== b.confirm ? { style: 'danger' as const } : {}),
    };
  }
  return element;
}

function section(text: string, escapeText = true): KnownBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: cut(escapeText ? escape(text) : text, MAX_SECTION_TEXT) },
  };
}

/** Slack mrkdwn treats &, < and > as control characters; the core's text is plain. */
export function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Cuts to at most `max` characters (Slack counts characters, not UTF-16 units) without
 * splitting a character, an emoji or an escaped entity such as `&amp;`.
 */
export function cut(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const kept = chars
    .slice(0, max - 1)
    .join('')
    .replace(/&[a-z]{0,4}$/, '');
  return `${kept}…`;
}

function charCount(text: string): number {
  return Array.from(text).length;
}

function padChars(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - charCount(text)));
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
