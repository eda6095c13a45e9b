/**
 * Where something came from or is kept for. One list for every use: chat identities, dialogue
 * state, platform event de-duplication, and the source of a registration. The database enum
 * `Channel` has exactly these values.
 */
export const CHANNELS = ['slack', 'teams', 'web', 'cli', 'api', 'system'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channels a person talks to Rollcall through (a message arrives on one of these). */
export type ChatChannel = Extract<Channel, 'slack' | 'teams' | 'web' | 'cli'>;
