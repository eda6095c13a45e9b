/**
 * The core's Reply → one Adaptive Card (schema 1.4, the highest Teams renders on every
 * client and the first with Action.Execute). Buttons carry `{ rollcallAction, value }`;
 * as Action.Submit they come back as a message whose `value` is that data, as
 * Action.Execute as an `adaptiveCard/action` invoke with the same data and the action id
 * as the verb. Files go as attachments beside the card.
 */
import type { Attachment } from 'botbuilder';
import type { Reply, ReplyBlock, ReplyButton, ReplyFile } from '../../src/conversation/types.ts';

export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Teams cards become unreadable (and slow) well before the 28 KB payload limit. */
const MAX_TABLE_ROWS = 15;
const MAX_CHOICES = 100;

export type CardActionStyle = 'submit' | 'execute';

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
}

/** Data every Rollcall card action carries; to-inbound reads it back. */
export interface CardActionData {
  rollcallAction: string;
  value?: string;
  /** For a choice list: the id of the Input.ChoiceSet whose selection is the value. */
  choiceInput?: string;
}

export function renderAdaptiveCard(reply: Reply, style: CardActionStyle = 'submit'): AdaptiveCard {
  const counter = { n: 0 };
  const body = reply.blocks.flatMap((block) => renderBlock(block, style, counter));
  if (!reply.blocks.some((b) => b.type === 'section')) body.unshift(textBlock(reply.text));
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
  };
}

export function renderTeamsActivity(
  reply: Reply,
  style: CardActionStyle = 'submit',
): { type: 'message'; text: string; attachments: Attachment[] } {
  return {
    type: 'message',
    // The text is what notifications and screen readers show; the card is the message.
    text: reply.text,
    attachments: [
      { contentType: ADAPTIVE_CARD_TYPE, content: renderAdaptiveCard(reply, style) },
      ...(reply.files ?? []).map(fileAttachment),
    ],
  };
}

function renderBlock(
  block: ReplyBlock,
  style: CardActionStyle,
  counter: { n: number },
): Record<string, unknown>[] {
  switch (block.type) {
    case 'section':
      return [textBlock(block.text)];
    case 'fields':
      return [{ type: 'FactSet', facts: block.fields.map((f) => ({ title: f.label, value: f.value })) }];
    case 'table': {
      const out: Record<string, unknown>[] = [];
      if (block.title) out.push({ ...textBlock(block.title), weight: 'Bolder' });
      for (const row of block.rows.slice(0, MAX_TABLE_ROWS)) {
        out.push({
          type: 'Container',
          separator: true,
          items: [
            { ...textBlock(row[0] ?? ''), weight: 'Bolder' },
            {
              type: 'FactSet',
              facts: block.columns.slice(1).map((col, i) => ({ title: col, value: row[i + 1] ?? '' })),
            },
          ],
        });
      }
      if (block.rows.length > MAX_TABLE_ROWS) {
        out.push({
          ...textBlock(
            `Showing ${MAX_TABLE_ROWS} of ${block.rows.length} rows; ask for a file to see everything.`,
          ),
          isSubtle: true,
          size: 'Small',
        });
      }
      return out;
    }
    case 'buttons':
      return [{ type: 'ActionSet', actions: block.buttons.map((b) => cardAction(b, style)) }];
    case 'choices': {
      const id = `choice_${counter.n++}`;
      return [
        textBlock(block.prompt),
        {
          type: 'Input.ChoiceSet',
          id,
          style: 'compact',
          isRequired: true,
          errorMessage: 'Pick one.',
          choices: block.choices.slice(0, MAX_CHOICES).map((c) => ({ title: c.label, value: c.value })),
        },
        {
          type: 'ActionSet',
          actions: [
            actionOf('Choose', { rollcallAction: block.actionId, choiceInput: id }, style, block.actionId),
          ],
        },
      ];
    }
    case 'divider':
      return [{ type: 'Container', separator: true, spacing: 'Medium', items: [] }];
    case 'context':
      return [{ ...textBlock(block.text), isSubtle: true, size: 'Small' }];
  }
}

function cardAction(b: ReplyButton, style: CardActionStyle): Record<string, unknown> {
  if (b.url) return { type: 'Action.OpenUrl', title: b.label, url: b.url };
  const action = actionOf(b.label, { rollcallAction: b.actionId, value: b.value }, style, b.actionId);
  if (b.style) action.style = b.style === 'primary' ? 'positive' : 'destructive';
  return action;
}

function actionOf(
  title: string,
  data: CardActionData,
  style: CardActionStyle,
  verb: string,
): Record<string, unknown> {
  return style === 'execute'
    ? { type: 'Action.Execute', title, verb, data }
    : { type: 'Action.Submit', title, data };
}

function textBlock(text: string): Record<string, unknown> {
  return { type: 'TextBlock', text, wrap: true };
}

/** Files travel inline as data URIs; fine for the few-KB CSV / ICS / PNG replies Rollcall sends. */
function fileAttachment(file: ReplyFile): Attachment {
  return {
    contentType: file.mimeType,
    name: file.name,
    contentUrl: `data:${file.mimeType};base64,${file.content.toString('base64')}`,
  };
}
