// The current user and the messages shown on the form.
import { gs } from '@servicenow/glide';
import type { GuardMessage } from '../closure/types.ts';
import { renderHtml } from '../closure/messages.ts';

export function currentUserId(): string {
  return String(gs.getUserID() ?? '');
}

export function userHasRole(role: string): boolean {
  return gs.hasRole(role) === true;
}

export function showMessage(message: GuardMessage): void {
  const html = renderHtml(message);
  if (message.level === 'error') gs.addErrorMessage(html);
  else gs.addInfoMessage(html);
}

export function logWarning(text: string): void {
  gs.warn(`x_closeloop: ${text}`);
}

export function logError(text: string): void {
  gs.error(`x_closeloop: ${text}`);
}
