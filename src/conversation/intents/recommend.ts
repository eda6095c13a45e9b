import { recommendCourses } from '../../features/recommendations/recommend-courses.ts';
import { reply, say } from '../reply/build.ts';
import type { IntentHandler } from './turn.ts';

export const handleRecommend: IntentHandler<'recommend'> = async (turn, intent) => {
  const picks = await recommendCourses(turn.deps, turn.actor, { topic: intent.slots.topic, limit: 3 });
  if (picks.length === 0) {
    return reply(intent.slots.topic ? `I have nothing new on "${intent.slots.topic}" for you right now.` : "You're up to date with everything in the catalogue. Nice work!", { next: [say('My learning', 'my learning'), say('Find sessions', 'what sessions are coming up?')] });
  }
  const lines = picks.map((p, i) => `${i + 1}. ${p.title} (${p.code}) — ${p.reason}.`);
  turn.context.lastCourseId = picks[0]!.courseId;
  return reply(`Here is what I'd suggest next:\n${lines.join('\n')}`, {
    next: picks.map((p) => (p.kind === 'elearning' ? say(`Start ${p.title}`, `start ${p.code}`) : say(`${p.title} dates`, `${p.code} sessions`))),
  });
};
