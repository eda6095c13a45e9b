/**
 * Learning journeys from chat: "my journeys", "how far am I on my forklift licence
 * journey?", "book the next step". Progress and gating come from features/journeys; booking
 * and launching go through the same handlers (and use cases) as any other request, so a
 * locked step is refused there with its reason.
 */
import {
  findJourneys,
  myJourneys,
  startJourney,
  type JourneyProgress,
  type JourneyStep,
} from '../../features/journeys/index.ts';
import { confirmButtons, reply, say } from '../reply/build.ts';
import { handleBookSession } from './booking.ts';
import { handleLaunchCourse } from './learning.ts';
import type { IntentHandler, Turn } from './turn.ts';
import type { Reply, ReplyButton } from '../types.ts';

const KIND_WORDS: Record<string, string> = {
  elearning: 'online course',
  ilt: 'in person',
  vilt: 'live online',
};

const done = (j: JourneyProgress) => j.steps.filter((s) => s.status === 'completed').length;
const headline = (j: JourneyProgress) =>
  j.finished
    ? `${j.title}: all ${j.steps.length} steps done.`
    : `${j.title}: ${done(j)} of ${j.steps.length} steps done.${j.next ? ` Next: ${j.next.courseTitle} (${KIND_WORDS[j.next.kind] ?? j.next.kind}).` : ''}`;

function nextButton(step: JourneyStep | null): ReplyButton[] {
  if (!step) return [];
  return step.kind === 'elearning'
    ? [{ label: `Start ${step.courseTitle}`, actionId: 'launch_course', value: step.courseId }]
    : [say(`Book ${step.courseTitle}`, `book me on ${step.courseCode}`)];
}

/** Why a step is locked: the step before it comes first. */
function statusWords(turn: Turn, j: JourneyProgress, i: number): string {
  const step = j.steps[i]!;
  if (step.status === 'completed')
    return `Done${step.completedAt ? ` ${new Intl.DateTimeFormat(turn.locale, { timeZone: turn.actor.timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(step.completedAt)}` : ''}`;
  if (step.status === 'available') return 'Open now';
  return `Locked until ${j.steps[i - 1]?.courseTitle ?? 'the step before'} is done`;
}

/** The started journey the words name ("forklift licence"), or the only one. */
function journeyMeant(journeys: JourneyProgress[], words: string | undefined): JourneyProgress[] {
  if (!words) return journeys;
  const wanted = words.toLowerCase().split(/\s+/).filter(Boolean);
  const named = journeys.filter((j) =>
    wanted.every((w) =>
      `${j.title} ${j.code}`.toLowerCase().replace(/-/g, ' ').includes(w.replace(/-/g, ' ')),
    ),
  );
  return named.length ? named : journeys.filter((j) => wanted.some((w) => j.title.toLowerCase().includes(w)));
}

export const handleMyJourneys: IntentHandler<'my_journeys'> = async (turn) => {
  const journeys = await myJourneys(turn.deps, turn.actor);
  if (journeys.length === 0)
    return reply("You haven't started a learning journey.", { next: [say('My learning', 'my learning')] });
  return reply(
    journeys.length === 1
      ? headline(journeys[0]!)
      : `You are on ${journeys.length} journeys. ${journeys.map(headline).join(' ')}`,
    {
      blocks: [
        {
          type: 'table',
          columns: ['Journey', 'Done', 'Next step'],
          rows: journeys.map((j) => [j.title, `${done(j)} of ${j.steps.length}`, j.next?.courseTitle ?? '—']),
        },
      ],
      next: journeys.flatMap((j) => nextButton(j.next)).slice(0, 3),
    },
  );
};

export const handleJourneyProgress: IntentHandler<'journey_progress'> = async (turn, intent) => {
  const journeys = journeyMeant(await myJourneys(turn.deps, turn.actor), intent.slots.journey);
  if (journeys.length === 0)
    return reply(
      intent.slots.journey
        ? `You are not on a "${intent.slots.journey}" journey.`
        : "You haven't started a learning journey.",
      {
        next: [
          ...(intent.slots.journey
            ? [say(`Start ${intent.slots.journey}`, `start the ${intent.slots.journey} journey`)]
            : []),
          say('My journeys', 'my journeys'),
          say('My learning', 'my learning'),
        ],
      },
    );
  if (journeys.length > 1)
    return reply(`Which journey? You are on ${journeys.map((j) => j.title).join(' and ')}.`, {
      next: journeys.map((j) => say(j.title, `how far am I on the ${j.title} journey?`)),
    });
  const journey = journeys[0]!;
  if (intent.slots.next) return takeNextStep(turn, journey);
  return reply(headline(journey), {
    blocks: [
      {
        type: 'table',
        columns: ['Step', 'Course', 'Status'],
        rows: journey.steps.map((s, i) => [String(s.position), s.courseTitle, statusWords(turn, journey, i)]),
      },
    ],
    next: nextButton(journey.next),
  });
};

/** "Book the next step": the next open step, booked or started like any other request. */
export async function takeNextStep(turn: Turn, journey: JourneyProgress): Promise<Reply> {
  const step = journey.next;
  if (!step) return reply(headline(journey), { next: [say('My certificates', 'my certificates')] });
  if (step.kind === 'elearning')
    return handleLaunchCourse(turn, { intent: 'launch_course', slots: {} }, { courseId: step.courseId });
  return handleBookSession(turn, { intent: 'book_session', slots: { course: step.courseCode } }, {});
}

/** "start the new starter journey": which journey (asked when unclear), confirmed, then started. */
export const handleStartJourney: IntentHandler<'start_journey'> = async (turn, intent, resolved) => {
  const found = await findJourneys(turn.deps, turn.actor, { text: intent.slots.journey });
  const listed = (text: string) =>
    reply(text, {
      next: found.slice(0, 4).map((j) => say(`Start ${j.title}`, `start the ${j.title} journey`)),
    });
  if (found.length === 0)
    return reply(
      intent.slots.journey
        ? `There is no "${intent.slots.journey}" learning journey.`
        : 'There are no learning journeys to start.',
      { next: [say('My journeys', 'my journeys'), say('My learning', 'my learning')] },
    );
  if (found.length > 1) return listed(`Which journey? ${found.map((j) => j.title).join(', ')}.`);
  const journey = found[0]!;
  if (!resolved.confirmed) {
    const started = (await myJourneys(turn.deps, turn.actor)).find((j) => j.programmeId === journey.id);
    if (started)
      return reply(`You are already on it. ${headline(started)}`, { next: nextButton(started.next) });
    turn.pending = {
      kind: 'confirm',
      intent: { ...intent, slots: { journey: journey.title } },
      resolved: {},
      prompt: 'start journey',
    };
    return reply(
      `Start the ${journey.title} journey? Its steps go on your learning list with their due dates.`,
      {
        next: confirmButtons('Yes, start it'),
        awaitingAnswer: true,
      },
    );
  }
  const result = await startJourney(turn.deps, turn.actor, { programmeId: journey.id });
  const progress = result.progress;
  return reply(
    `${result.kind === 'started' ? 'Started' : 'You were already on'} ${progress.title}. ${headline(progress).slice(progress.title.length + 2)}`,
    {
      blocks: [
        {
          type: 'table',
          columns: ['Step', 'Course', 'Status'],
          rows: progress.steps.map((s, i) => [
            String(s.position),
            s.courseTitle,
            statusWords(turn, progress, i),
          ]),
        },
      ],
      next: [...nextButton(progress.next), say('My journeys', 'my journeys')],
    },
  );
};
