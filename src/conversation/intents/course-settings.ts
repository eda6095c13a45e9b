/**
 * An admin changes how long a course's certificates stay valid by message: "forklift
 * certificates are valid for 3 years", "make first aid certificates never expire". The
 * course's other settings are written back as they are (getCourseSettings), and nothing is
 * written before a "yes". New completions get the new expiry; issued certificates keep theirs.
 */
import { getCourseSettings, saveCourse } from '../../features/catalogue/index.ts';
import { isAdmin } from '../../features/people/index.ts';
import { AppError } from '../../shared/app-error.ts';
import { confirmButtons, reply, say } from '../reply/build.ts';
import { coursesMeant } from './lookups.ts';
import { askFor } from './ask-for.ts';
import type { IntentHandler } from './turn.ts';

const validityWords = (months: number | null | undefined) =>
  !months
    ? 'never expire'
    : months % 12 === 0
      ? `are valid for ${months / 12} year${months === 12 ? '' : 's'}`
      : `are valid for ${months} month${months === 1 ? '' : 's'}`;

export const handleSetCertificateValidity: IntentHandler<'set_certificate_validity'> = async (
  turn,
  intent,
  resolved,
) => {
  if (!isAdmin(turn.actor))
    return reply('Only an admin can change how long certificates stay valid.', {
      next: [say('My certificates', 'my certificates')],
    });
  const s = intent.slots;
  if (!s.course) return askFor(turn, intent, 'course', 'Which course? A code or a title, e.g. "FL-201".');
  const matches = await coursesMeant(turn, s.course);
  if (matches.length !== 1)
    return reply(
      matches.length
        ? `"${s.course}" could be ${matches.map((m) => `${m.title} (${m.code})`).join(' or ')}. Use the code.`
        : `I couldn't find a course matching "${s.course}".`,
      { next: matches.slice(0, 3).map((m) => say(m.code, `set the ${m.code} certificate validity`)) },
    );
  const settings = await getCourseSettings(turn.deps, turn.actor, { courseId: matches[0]!.id });
  const title = `${settings.title} (${settings.code})`;
  if (s.months === undefined && !s.noExpiry) {
    return reply(
      `${title} certificates ${validityWords(settings.validityMonths)} now. For how long should they be valid? e.g. "3 years", "18 months" or "never expire".`,
      { next: [say('Help', 'help')] },
    );
  }
  const months = s.noExpiry ? null : s.months!;
  if (months !== null && (months < 1 || months > 600))
    return reply('Validity must be between 1 month and 50 years (or "never expire").', {
      next: [say('Help', 'help')],
    });
  if ((settings.validityMonths ?? null) === months)
    return reply(`${title} certificates ${validityWords(months)} already.`, { next: [say('Help', 'help')] });
  if (!resolved.confirmed) {
    turn.pending = {
      kind: 'confirm',
      intent: { ...intent, slots: { ...s, course: settings.code } },
      resolved: {},
      prompt: 'validity',
    };
    return reply(
      `Change ${title} so its certificates ${validityWords(months)} (now they ${validityWords(settings.validityMonths)})? Completions from now on get the new expiry; certificates already issued keep theirs.`,
      { next: confirmButtons('Yes, change it'), awaitingAnswer: true },
    );
  }
  try {
    await saveCourse(turn.deps, turn.actor, { course: { ...settings, validityMonths: months } });
  } catch (error) {
    if (error instanceof AppError) return reply(error.userMessage, { next: [say('Help', 'help')] });
    throw error;
  }
  return reply(`From now on, ${title} certificates ${validityWords(months)}.`, {
    next: [say('Expiring certificates', 'who expires in the next 60 days?')],
  });
};
