/**
 * Runs once before any tier: makes sure the intent model's cached weights exist, so parallel
 * workers load them rather than all training at once (which, on two cores, can take longer
 * than a unit test's time limit).
 */
import { warmUpParser } from '../src/conversation/parse/parse-message.ts';

export default async function setup(): Promise<void> {
  await warmUpParser();
}
