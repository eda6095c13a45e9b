import { recommendCourses } from '../../features/learning/index.ts';
import { reply, say } from '../reply/build.ts';
import type { IntentHandler } from './turn.ts';

export const handleRecommend: IntentHandler<'recommend'> = async (turn, intent) => {
  const topic = intent.slots.topic?.toLowerCase();
  let picks = await recommendCourses(turn.deps, turn.actor, { limit: topic ? 20 : 3 });
  if (topic)
    picks = picks.filter((p) =>
      `${p.courseTitle} ${p.courseCode} ${p.because}`.toLowerCase().includes(topic),
    );
  picks = picks.slice(0, 3);
  if (picks.length === 0) {
    return reply(
      topic
        ? `I have nothing new on "${intent.slots.topic}" for you right now.`
        : "You're up to date with everything in the catalogue. Nice work!",
      { next: [say('My learning', 'my learning'), say('Find sessions', 'what sessions are coming up?')] },
    );
  }
  const lines = picks.map((p, i) => `${i + 1}. ${p.courseTitle} (${p.courseCode}) — ${p.because}`);
  turn.context.lastCourseId = picks[0]!.courseId;
  return reply(`Here is what I'd suggest next:\n${lines.join('\n')}`, {
    next: picks.map((p) =>
      p.kind === 'elearning'
        ? say(`Start ${p.courseTitle}`, `start ${p.courseCode}`)
        : say(`${p.courseTitle} dates`, `${p.courseCode} sessions`),
    ),
  });
};
