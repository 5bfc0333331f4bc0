// Outbound failures arrive as exception or error texts that differ between direct calls and MID
// Server calls; this sorts them into the two kinds the guard reports.

const TIMEOUT = /timed?\s*-?out|time-?out|no response|waiting for|did not respond|SocketTimeout/i;

export function classifyTransportError(text: string): 'timeout' | 'unreachable' {
  return TIMEOUT.test(text) ? 'timeout' : 'unreachable';
}
