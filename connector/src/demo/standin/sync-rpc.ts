// A blocking call from a worker thread to the main thread. The plugin's business rule is
// synchronous (Rhino: GlideRecord and RESTMessageV2.execute() block), so its worker posts a request
// and sleeps in Atomics.wait until the main thread — whose event loop stays free to serve the
// Table API, the connector and everything else — writes the JSON answer into shared memory.
export interface SyncChannel {
  /** [0] state (0 empty, 1 answer ready), [1] answer length in bytes. */
  header: Int32Array;
  data: Uint8Array;
}

const HEADER_BYTES = 8;
export const DEFAULT_CHANNEL_BYTES = 8 * 1024 * 1024;

export function createChannel(bytes = DEFAULT_CHANNEL_BYTES): {
  buffer: SharedArrayBuffer;
  channel: SyncChannel;
} {
  const buffer = new SharedArrayBuffer(HEADER_BYTES + bytes);
  return { buffer, channel: openChannel(buffer) };
}

export function openChannel(buffer: SharedArrayBuffer): SyncChannel {
  return { header: new Int32Array(buffer, 0, 2), data: new Uint8Array(buffer, HEADER_BYTES) };
}

/** Main thread: publishes the answer and wakes the waiting worker. */
export function answer(channel: SyncChannel, value: unknown): void {
  let bytes = new TextEncoder().encode(JSON.stringify({ value }));
  if (bytes.length > channel.data.length) {
    bytes = new TextEncoder().encode(
      JSON.stringify({ error: `answer of ${bytes.length} bytes exceeds the channel` }),
    );
  }
  channel.data.set(bytes);
  Atomics.store(channel.header, 1, bytes.length);
  Atomics.store(channel.header, 0, 1);
  Atomics.notify(channel.header, 0);
}

/** Worker: posts the request with `send` and blocks until answered (or throws after `timeoutMs`). */
export function callSync(channel: SyncChannel, send: () => void, timeoutMs: number): unknown {
  Atomics.store(channel.header, 0, 0);
  send();
  const outcome = Atomics.wait(channel.header, 0, 0, timeoutMs);
  if (outcome === 'timed-out') throw new Error(`stand-in did not answer within ${timeoutMs} ms`);
  const length = Atomics.load(channel.header, 1);
  const text = new TextDecoder().decode(channel.data.slice(0, length));
  Atomics.store(channel.header, 0, 0);
  const parsed = JSON.parse(text) as { value?: unknown; error?: string };
  if (parsed.error) throw new Error(parsed.error);
  return parsed.value;
}
