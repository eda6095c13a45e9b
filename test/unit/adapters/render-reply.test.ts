import { describe, expect, it } from 'vitest';
import { renderSlackReply } from '../../../adapters/slack/render-reply.ts';
import { renderAdaptiveCard } from '../../../adapters/teams/render-reply.ts';
import {
  actionIdOf,
  blockActionToTurn,
  messageEventToTurn,
  mentionEventToTurn,
} from '../../../adapters/slack/to-inbound.ts';
import { activityToTurn } from '../../../adapters/teams/to-inbound.ts';
import type { Reply } from '../../../src/conversation/types.ts';

const reply: Reply = {
  text: 'Sessions <next> month & more',
  blocks: [
    { type: 'section', text: 'Sessions <next> month & more' },
    {
      type: 'choices',
      prompt: 'Which one?',
      actionId: 'choose',
      choices: [
        { label: 'Tue 8 Dec', value: 's1' },
        { label: 'Thu 10 Dec', value: 's2' },
      ],
    },
    {
      type: 'buttons',
      buttons: [
        { label: 'Book', actionId: 'book_session', value: 's1', style: 'primary' },
        { label: 'Book', actionId: 'book_session', value: 's2' },
        {
          label: 'Open course',
          actionId: 'launch_course',
          value: 'c1',
          url: 'https://rollcall.example.com/launch/1',
        },
      ],
    },
    {
      type: 'table',
      columns: ['Name', 'Status'],
      rows: Array.from({ length: 12 }, (_, i) => [`Person ${i}`, 'overdue']),
    },
  ],
};

describe('Slack rendering', () => {
  const message = renderSlackReply(reply);

  it('escapes mrkdwn control characters', () => {
    expect((message.blocks[0] as { text: { text: string } }).text.text).toBe(
      'Sessions &lt;next&gt; month &amp; more',
    );
  });

  it('makes action ids unique within the message and reversible', () => {
    const ids = JSON.stringify(message.blocks).match(/"action_id":"[^"]+"/g)!;
    expect(ids).toEqual([
      '"action_id":"choose#0"',
      '"action_id":"book_session#1"',
      '"action_id":"book_session#2"',
      '"action_id":"open_link#3"',
    ]);
    expect(actionIdOf('book_session#2')).toBe('book_session');
  });

  it('shows a long table as a monospaced block', () => {
    expect(JSON.stringify(message.blocks)).toContain('```Name');
  });

  it('cuts an over-long section at Slack’s limit', () => {
    const long = renderSlackReply({
      text: 'x'.repeat(5000),
      blocks: [{ type: 'section', text: 'x'.repeat(5000) }],
    });
    expect((long.blocks[0] as { text: { text: string } }).text.text).toHaveLength(3000);
    expect(long.text).toHaveLength(4000);
  });
});

describe('Adaptive Card rendering', () => {
  it('uses Action.Submit or Action.Execute with the same data', () => {
    const submit = JSON.stringify(renderAdaptiveCard(reply, 'submit'));
    const execute = JSON.stringify(renderAdaptiveCard(reply, 'execute'));
    expect(submit).toContain(
      '{"type":"Action.Submit","title":"Book","data":{"rollcallAction":"book_session","value":"s1"},"style":"positive","associatedInputs":"none"}',
    );
    expect(execute).toContain(
      '{"type":"Action.Execute","title":"Book","verb":"book_session","data":{"rollcallAction":"book_session","value":"s1"},"style":"positive","associatedInputs":"none"}',
    );
    expect(submit).toContain(
      '{"type":"Action.OpenUrl","title":"Open course","url":"https://rollcall.example.com/launch/1"}',
    );
    expect(submit).toContain('"type":"Input.ChoiceSet","id":"choice_0"');
  });
});

describe('Slack payload parsing', () => {
  it('ignores bot messages, edits and channel messages; strips the mention', () => {
    expect(
      messageEventToTurn('T', {
        type: 'message',
        channel_type: 'im',
        channel: 'D1',
        user: 'U1',
        bot_id: 'B1',
        text: 'x',
      }),
    ).toBeUndefined();
    expect(
      messageEventToTurn('T', {
        type: 'message',
        channel_type: 'im',
        channel: 'D1',
        user: 'U1',
        subtype: 'message_changed',
      }),
    ).toBeUndefined();
    expect(
      messageEventToTurn('T', {
        type: 'message',
        channel_type: 'channel',
        channel: 'C1',
        user: 'U1',
        text: 'x',
      }),
    ).toBeUndefined();
    expect(
      mentionEventToTurn('T', {
        type: 'app_mention',
        channel: 'C1',
        user: 'U1',
        text: '<@UBOT> book me',
        ts: '1.2',
      }),
    ).toMatchObject({ text: 'book me', threadKey: '1.2', threadTs: '1.2' });
  });

  it('reads a select menu choice as the action value', () => {
    const turn = blockActionToTurn({
      team: { id: 'T' },
      user: { id: 'U1' },
      channel: { id: 'D1' },
      actions: [{ action_id: 'choose#0', selected_option: { value: 's2' } }],
    });
    expect(turn?.action).toEqual({ id: 'choose', value: 's2' });
  });
});

describe('Teams activity parsing', () => {
  const base = {
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.example/',
    from: { id: '29:1', aadObjectId: 'aad-1' },
    recipient: { id: '28:bot', name: 'Rollcall' },
    conversation: {
      id: '19:abc@thread.tacv2;messageid=777',
      isGroup: true,
      conversationType: 'channel',
      tenantId: 't1',
    },
  };

  it('removes the bot mention and keys a channel reply chain as its own thread', () => {
    expect(activityToTurn({ ...base, text: '<at>Rollcall</at> what am I booked on?' })).toMatchObject({
      text: 'what am I booked on?',
      userKey: 'aad-1',
      tenantId: 't1',
      threadKey: '19:abc@thread.tacv2;messageid=777',
    });
  });

  it('reads a choice set selection from an Action.Submit', () => {
    expect(
      activityToTurn({
        ...base,
        value: { rollcallAction: 'choose', choiceInput: 'choice_0', choice_0: 's2' },
      })?.action,
    ).toEqual({ id: 'choose', value: 's2' });
  });

  it('ignores activities it does not handle', () => {
    expect(activityToTurn({ ...base, type: 'conversationUpdate' })).toBeUndefined();
    expect(
      activityToTurn({ ...base, type: 'invoke', name: 'adaptiveCard/action', value: { action: {} } }),
    ).toBeUndefined();
  });
});
