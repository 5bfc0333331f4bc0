// The Table API stub as its own process (`node --import tsx bench/lib/table-stub-main.ts`), so the
// instance does not share an event loop with the load generator. Prints {"url"} once listening;
// GET /__stub/counts answers the request counts.
import { startTableStub } from './table-stub.js';

const stub = await startTableStub();
process.stdout.write(`${JSON.stringify({ url: stub.url })}\n`);
const stop = () => void stub.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
