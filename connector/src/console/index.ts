// The admin console's public API.
export { consoleRouters, type ConsoleRouters } from './routers.js';
export type { ConsoleOptions, ReloadResult } from './options.js';
export { consoleOptionsFromRuntime } from './runtime-options.js';
export { ensureBundle, type BundleState } from './bundle.js';
