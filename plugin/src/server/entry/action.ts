// The part of the platform's `action` object (a server-side UI action's global) the UI actions use.
// The SDK passes it in because the module functions name their second parameter `action`.
export interface ActionLike {
  setRedirectURL(target: unknown): void;
}
