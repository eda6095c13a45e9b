/**
 * The App Home tab: the person's next sessions, overdue and due learning, with the core's
 * own buttons, and for managers their team's status (team-status.ts). Its content comes from the conversation core (the same answers as "what am I
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

/** A home view can hold 100 blocks; each of its four parts keeps to its share. */
const BLOCKS_PER_PART = 22;

const UNAVAILABLE: Reply = {
  text: "Couldn't load this just now; open the tab again in a moment.",
  blocks: [],
};

export interface HomeOptions {
  /** The reader's locale, passed to the core and used for the team counts. */
  locale?: string;
  /** A manager's team status; undefined for people without reports. */
  team?: () => Promise<Reply | undefined>;
}

export async function buildHomeView(
  handler: ConversationHandler,
  personId: string,
  options: HomeOptions = {},
): Promise<HomeView> {
  const blocks: KnownBlock[] = [];
  // One numbering for the whole view: action ids stay unique across its parts.
  const counter = { n: 0 };
  const part = (heading: string, reply: Reply) => {
    blocks.push({ type: 'header', text: { type: 'plain_text', text: heading } });
    blocks.push(...renderSlackReply(reply, counter).blocks.slice(0, BLOCKS_PER_PART));
    blocks.push({ type: 'divider' });
  };
  for (const question of HOME_QUESTIONS) {
    let reply: Reply;
    try {
      reply = await handler({
        personId,
        channel: 'slack',
        threadKey: APP_HOME_THREAD,
        text: question.text,
        ...(options.locale ? { locale: options.locale } : {}),
      });
    } catch {
      reply = UNAVAILABLE;
    }
    part(question.heading, reply);
  }
  if (options.team) {
    let team: Reply | undefined;
    try {
      team = await options.team();
    } catch {
      team = UNAVAILABLE;
    }
    if (team) part('Your team', team);
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
