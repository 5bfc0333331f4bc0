// The current user and session: roles, whether a person is waiting, messages on the form, the
// session's scratch values, and the system log.
import { gs } from '@servicenow/glide';
import type { GuardMessage } from '../closure/types.ts';
import { renderInline } from '../closure/messages.ts';

export function currentUserId(): string {
  return String(gs.getUserID() ?? '');
}

export function userHasRole(role: string): boolean {
  return gs.hasRole(role) === true;
}

/** Form and Workspace sessions are interactive; REST, imports, scheduled jobs and flows are not. */
export function sessionIsInteractive(): boolean {
  const session = gs.getSession();
  return Boolean(session && session.isInteractive());
}

/** GlideSession client data: lives as long as the user's session, shared by its transactions. */
export function readSessionValue(key: string): string {
  const session = gs.getSession();
  const value: unknown = session ? session.getClientData(key) : null;
  return value === null || value === undefined ? '' : String(value);
}

export function writeSessionValue(key: string, value: string): void {
  const session = gs.getSession();
  if (!session) return;
  if (value === '') session.clearClientData(key);
  else session.putClientData(key, value);
}

/** Plain text: the classic form, Workspace and Table API callers all show it as it is. */
export function showMessage(message: GuardMessage): void {
  const text = renderInline(message);
  if (message.level === 'error') gs.addErrorMessage(text);
  else gs.addInfoMessage(text);
}

export function logWarning(text: string): void {
  gs.warn(`x_closeloop: ${text}`);
}

export function logError(text: string): void {
  gs.error(`x_closeloop: ${text}`);
}
