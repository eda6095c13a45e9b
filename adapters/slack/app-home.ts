/**
 * The App Home tab: the person's next sessions and overdue items, with the core's own
 * buttons. Its content comes from the conversation core (the same answers as "what am I
 * booked on?" and "what's overdue?"), asked on a thread key of its own so the DM's
 * dialogue state is untouched.
 */
import type { HomeView, KnownBlock } from '@slack/types';
import type { ConversationHandler, Reply } from '../../src/conversation/types.ts';
import { renderSlackReply } from './render-reply.ts';

export const APP_HOME_THREAD = 'app_home';

const HOME_QUESTIONS = [
  { heading: 'Your next sessions', text: 'what am I booked on?' },
  { heading: 'Overdue', text: "what's overdue?" },
  { heading: 'Due learning', text: 'what learning is due?' },
];

/** A home view can hold 100 blocks; each part keeps to its share. */
const BLOCKS_PER_PART = 40;

export async function buildHomeView(handler: ConversationHandler, personId: string): Promise<HomeView> {
  const blocks: KnownBlock[] = [];
  // One numbering for the whole view: action ids stay unique across its parts.
  const counter = { n: 0 };
  for (const question of HOME_QUESTIONS) {
    let reply: Reply;
    try {
      reply = await handler({ personId, channel: 'slack', threadKey: APP_HOME_THREAD, text: question.text });
    } catch {
      reply = { text: "Couldn't load this just now; open the tab again in a moment.", blocks: [] };
    }
    blocks.push({ type: 'header', text: { type: 'plain_text', text: question.heading } });
    blocks.push(...renderSlackReply(reply, counter).blocks.slice(0, BLOCKS_PER_PART));
    blocks.push({ type: 'divider' });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: 'Message me to find and book sessions, e.g. _"first aid sessions next month"_, or type `/rollcall help`.',
      },
    ],
  });
  return { type: 'home', blocks };
}
