/** A learner's own view: progress and recommendations. */
export { myProgress, type ProgressItem, type CompletedItem, type MyProgress } from './my-progress.ts';
export { recommendCourses, type RecommendationReason, type Recommendation } from './recommend-courses.ts';
