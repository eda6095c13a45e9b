/** People: who is asking, who they may act for, finding people by name, and adding them. */
export {
  type Actor,
  isAdmin,
  isInstructor,
  isSystem,
  actorIdOf,
  loadActor,
  loadActorByEmail,
  SYSTEM_ACTOR,
} from './actor.ts';
export { identifyActor } from './identify-actor.ts';
export { assertAdmin, assertCanActFor } from './authorize.ts';
export { listInstructors } from './list-instructors.ts';
export { findPeople, describePeople, type FindPeopleInput, type PersonMatch } from './find-people.ts';
export { isInReportingLine, reportingLineIds } from './reporting-line.ts';
export {
  linkChatIdentity,
  rememberConversationRef,
  findConversationRefs,
  type ChatUserKey,
  type LinkChatIdentityInput,
  type LinkChatIdentityResult,
} from './link-chat-identity.ts';
export { listPeople, getPerson, type PersonRecord, type ListPeopleInput } from './list-people.ts';
export {
  createPerson,
  ZCreatePersonInput,
  type CreatePersonInput,
  type CreatePersonResult,
} from './create-person.ts';
export { apiServiceActor, API_SERVICE_EMAIL, API_SERVICE_NAME } from './api-service-actor.ts';
