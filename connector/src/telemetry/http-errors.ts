// Transport failures of HTTP providers as TelemetryErrors: one place decides "timeout" versus
// "unreachable" versus "aborted" so every provider reports them the same way.
import axios from 'axios';
import { TelemetryError } from './types.js';

export function transportError(provider: string, err: unknown, signal: AbortSignal): TelemetryError {
  if (err instanceof TelemetryError) return err;
  if (signal.aborted || axios.isCancel(err))
    return new TelemetryError(provider, 'aborted', `${provider}: request cancelled`);
  if (axios.isAxiosError(err)) {
    const code = err.code ?? '';
    if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
      return new TelemetryError(provider, 'timeout', `${provider}: no answer in time (${err.message})`);
    }
    const cause = err.cause instanceof Error ? err.cause.message : err.message;
    return new TelemetryError(
      provider,
      'unreachable',
      `${provider} unreachable: ${code ? `${code} ` : ''}${cause}`.trim(),
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  return new TelemetryError(provider, 'unreachable', `${provider} unreachable: ${message}`);
}
