/** Catalogue: courses and programmes, and the one matcher for what people call them. */
export {
  findCourses,
  loadCatalogue,
  toSummary,
  type CourseSummary,
  type FindCoursesResult,
  type FindCoursesInput,
} from './find-courses.ts';
export { matchCourses, type CourseMatch, type MatchCoursesResult } from './match-courses.ts';
export { getCourse, type CourseDetails } from './get-course.ts';
export { findProgramme } from './find-programme.ts';
export { enrolSelf, type EnrolSelfResult } from './enrol-self.ts';
export { saveCourse, ZCourseInput, type CourseInput, type SaveCourseResult } from './save-course.ts';
export { missingPrerequisites } from './prerequisites.ts';
export {
  scoreCourse,
  rankCourses,
  clearWinners,
  withinOneEdit,
  MIN_MATCH_SCORE,
  type MatchableCourse,
} from './course-match.ts';
export { getCourseSettings } from './course-settings.ts';
export {
  listCourses,
  getCourseRecord,
  listProgrammes,
  type CourseRecord,
  type ListCoursesInput,
  type ProgrammeRecord,
} from './list-courses.ts';
export { claimCourseVersion } from './claim-course-version.ts';
