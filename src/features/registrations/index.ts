/** Registration and waitlists: the API the chat, HTTP and CLI layers call. */
export {
  bookSession,
  type BookSessionInput,
  type BookSessionResult,
  type SessionFull,
} from './book-session.ts';
export { bookProgramme, type BookProgrammeInput, type BookProgrammeResult } from './book-programme.ts';
export {
  cancelRegistration,
  type CancelRegistrationInput,
  type CancelRegistrationResult,
} from './cancel-registration.ts';
export {
  approveRegistration,
  declineRegistration,
  listPendingApprovals,
  type DecideRegistrationInput,
  type ApproveRegistrationResult,
  type DeclineRegistrationResult,
} from './approve-registration.ts';
export {
  acceptOffer,
  declineOffer,
  type OfferAnswerInput,
  type AcceptOfferResult,
  type DeclineOfferResult,
} from './accept-offer.ts';
export { expireOffers, type ExpireOffersResult } from './expire-offers.ts';
export {
  waitlistPosition,
  ordinal,
  type WaitlistPositionInput,
  type WaitlistPositionResult,
} from './waitlist-position.ts';
export {
  transferRegistration,
  type TransferRegistrationInput,
  type TransferRegistrationResult,
} from './transfer-registration.ts';
export { changeCapacity, type ChangeCapacityInput, type ChangeCapacityResult } from './change-capacity.ts';
export {
  listRegistrations,
  type ListRegistrationsInput,
  type RegistrationSummary,
} from './list-registrations.ts';
export { getRegistration, type RegistrationDetails } from './get-registration.ts';
export type { SeatFill } from './fill-freed-seats.ts';
