/**
 * The core's Reply → one Adaptive Card (schema 1.5: `associatedInputs` lets a secondary
 * button submit without the card's inputs being validated). A reply is the card alone,
 * with its text as the notification `summary`, never text plus a card saying the same. Buttons carry `{ rollcallAction, value }`;
 * as Action.Submit they come back as a message whose `value` is that data, as
 * Action.Execute as an `adaptiveCard/action` invoke with the same data and the action id
 * as the verb. Files are not attachments here: mount-teams offers them through the file
 * consent flow (personal chats) or a signed download link (channels, group chats).
 */
import type { Attachment } from 'botbuilder';
import type { Reply, ReplyBlock, ReplyButton } from '../../src/conversation/types.ts';
import { confirmQuestion } from '../shared/confirm-question.ts';
import { REFRESH_VERB, refreshDataOf } from './universal-actions.ts';

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
  refresh?: { action: Record<string, unknown>; userIds: string[] };
}

/**
 * Who sees a card (Teams user ids, `29:…`): a card about a registration's state (an offer,
 * an approval request) is then sent as a Universal Actions card that those people's clients
 * refresh to its current state (universal-actions.ts).
 */
export interface UniversalAudience {
  userIds: string[];
}

/** Data every Rollcall card action carries; to-inbound reads it back. */
export interface CardActionData {
  rollcallAction: string;
  value?: string;
  /** For a choice list: the id of the Input.ChoiceSet whose selection is the value. */
  choiceInput?: string;
}

export function renderAdaptiveCard(
  reply: Reply,
  requestedStyle: CardActionStyle = 'submit',
  audience?: UniversalAudience,
): AdaptiveCard {
  const refreshData = audience?.userIds.length ? refreshDataOf(reply) : undefined;
  // A refreshing card answers its buttons in the invoke too, so they are Action.Execute.
  const style: CardActionStyle = refreshData ? 'execute' : requestedStyle;
  const counter = { n: 0 };
  const body = reply.blocks.flatMap((block) => renderBlock(block, style, counter));
  if (!reply.blocks.some((b) => b.type === 'section')) body.unshift(...textBlocks(reply.text));
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(refreshData && audience
      ? {
          refresh: {
            action: { type: 'Action.Execute', verb: REFRESH_VERB, data: refreshData },
            // Teams refreshes automatically for at most 60 listed people.
            userIds: audience.userIds.slice(0, 60),
          },
        }
      : {}),
  };
}

export interface TeamsMessage {
  type: 'message';
  /** What the notification and the chat list show; the card is the message itself. */
  summary: string;
  attachments: Attachment[];
  id?: string;
}

export function renderTeamsActivity(
  reply: Reply,
  style: CardActionStyle = 'submit',
  audience?: UniversalAudience,
): TeamsMessage {
  return {
    type: 'message',
    summary: plainSummary(reply.text),
    attachments: [{ contentType: ADAPTIVE_CARD_TYPE, content: renderAdaptiveCard(reply, style, audience) }],
  };
}

/** The notification line: no markdown, one line, short. */
function plainSummary(text: string): string {
  const line = text
    .replace(/\*+([^*\n]+)\*+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(line);
  return chars.length <= 200 ? line : `${chars.slice(0, 199).join('')}…`;
}

function renderBlock(
  block: ReplyBlock,
  style: CardActionStyle,
  counter: { n: number },
): Record<string, unknown>[] {
  switch (block.type) {
    case 'section':
      return textBlocks(block.text);
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
        {
          type: 'Input.ChoiceSet',
          id,
          // A required input needs a label (screen readers, and the SDK insists).
          label: block.prompt,
          style: 'compact',
          isRequired: true,
          errorMessage: 'Pick one.',
          choices: block.choices.slice(0, MAX_CHOICES).map((c) => ({ title: c.label, value: c.value })),
        },
        {
          type: 'ActionSet',
          actions: [
            {
              ...actionOf(
                'Choose',
                { rollcallAction: block.actionId, choiceInput: id },
                style,
                block.actionId,
              ),
              // The one action that needs the choice: only it validates and sends the input.
              associatedInputs: 'auto',
            },
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
  // Buttons carry their own value: they submit without the card's inputs, so "Never mind"
  // works next to a required choice.
  action.associatedInputs = 'none';
  const question = confirmQuestion(b);
  if (!question) return action;
  // Cards have no confirmation dialog: the button opens a second, explicit step instead.
  return {
    type: 'Action.ShowCard',
    title: b.label,
    ...(action.style ? { style: action.style } : {}),
    card: {
      type: 'AdaptiveCard',
      body: [textBlock(question)],
      actions: [{ ...action, style: 'destructive' }],
    },
  };
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
  return { type: 'TextBlock', text: teamsMarkdown(text), wrap: true };
}

/**
 * One TextBlock per line: card markdown joins single line breaks into one paragraph, which
 * ran bullet lists together. Lines after the first sit tight under it.
 */
function textBlocks(text: string): Record<string, unknown>[] {
  const lines = text.split(/\r?\n/).filter((l, i, all) => l.trim() || (i > 0 && all[i - 1]!.trim()));
  return lines
    .filter((l) => l.trim())
    .map((line, i) => (i === 0 ? textBlock(line) : { ...textBlock(line), spacing: 'None' }));
}

/**
 * The core writes Slack-like emphasis (`*bold*`); card markdown reads single stars as
 * italics, so they become `**bold**`. Bullets "• " and "- " stay as written, one per block.
 */
export function teamsMarkdown(text: string): string {
  return text.replace(/(^|[\s(])\*(?!\*)([^*\n]+?)\*(?=$|[\s).,:;!?])/g, '$1**$2**');
}
