/**
 * Slack's Socket Mode end on loopback: a `ws` server the fake Web API's
 * apps.connections.open points at. It greets the client (hello), sends Events API
 * envelopes, and records the acks the client sends back by envelope_id.
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FakeSlack } from './fake-slack.ts';
import { waitFor } from './listen.ts';
import { TEAM_ID } from './slack-requests.ts';

export interface FakeSocketMode {
  /** Every message the client sent back (acks), oldest first. */
  acks: Record<string, unknown>[];
  acked(envelopeId: string): number;
  /** Resolves once Rollcall has connected. */
  connected(): Promise<void>;
  /** Sends an Events API envelope carrying `event` (event_id `Ev_<eventKey ?? envelopeId>`). */
  sendEvent(
    envelopeId: string,
    event: Record<string, unknown>,
    options?: { teamId?: string; eventKey?: string },
  ): void;
  close(): Promise<void>;
}

export async function startFakeSocketMode(slack: FakeSlack): Promise<FakeSocketMode> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  let client: WebSocket | undefined;
  const acks: Record<string, unknown>[] = [];
  wss.on('connection', (ws) => {
    client = ws;
    ws.on('message', (data) => acks.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
  });
  slack.socket.url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
  return {
    acks,
    acked: (id) => acks.filter((a) => a.envelope_id === id).length,
    connected: async () => {
      await waitFor('the socket connection', () => client);
    },
    sendEvent: (envelopeId, event, options = {}) =>
      client!.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type: 'events_api',
          accepts_response_payload: false,
          retry_attempt: 0,
          payload: {
            token: 'x',
            team_id: options.teamId ?? TEAM_ID,
            api_app_id: 'A1',
            type: 'event_callback',
            event_id: `Ev_${options.eventKey ?? envelopeId}`,
            event_time: 1,
            event,
          },
        }),
      ),
    close: () => new Promise((r) => wss.close(() => r())),
  };
}
