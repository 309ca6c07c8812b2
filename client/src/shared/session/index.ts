export { createRefreshTransport } from './refresh-transport';
export { createSessionActions, type LoginInput, type Me, type SessionActions, type TokenPayload } from './session-actions';
export { createSessionLink } from './session-link';
export { SessionStore, type RefreshOutcome, type RefreshTransport, type SessionEndReason, type SessionSnapshot, type SessionTokens } from './session-store';
export { SessionProvider, useSession, type Session } from './SessionProvider';
export { SESSION_ME_QUERY } from './session.documents';
