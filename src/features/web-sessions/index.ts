export { createWebSignInLink, SIGN_IN_LINK_TTL_MS, type WebSignInLink } from './create-web-sign-in-link.ts';
export { startWebSession, WEB_SESSION_TTL_MS, type StartedWebSession } from './start-web-session.ts';
export { findWebSession } from './find-web-session.ts';
export { endWebSession } from './end-web-session.ts';
