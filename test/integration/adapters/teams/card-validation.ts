/**
 * Every Adaptive Card checked with Microsoft's own SDK against schema 1.5: parse warnings
 * (unknown elements or properties) and validation issues both count as problems.
 */
import * as AC from 'adaptivecards';

export function adaptiveCardProblems(card: unknown): string[] {
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card as never, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const issue of parsed.validateProperties().validationEvents) problems.push(issue.message);
  if ((card as { version?: string }).version !== '1.5') problems.push('version is not 1.5');
  return problems;
}
