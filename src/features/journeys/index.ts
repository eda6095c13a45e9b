/** Learning journeys: ordered steps of courses and sessions, started and tracked. */
export { assertJourneyStepOpen } from './assert-journey-step-open.ts';
export {
  loadJourney,
  stepStatuses,
  journeyProgress,
  progressOf,
  type JourneyStepStatus,
  type JourneyStep,
  type JourneyProgress,
} from './journey-progress.ts';
export { startJourney, type StartJourneyResult } from './start-journey.ts';
export { myJourneys } from './my-journeys.ts';
export { findJourneys, type JourneyMatch } from './find-journeys.ts';
