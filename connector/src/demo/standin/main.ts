// The stand-in as its own process, for end-to-end tests that kill and restart things:
//   npx tsx connector/src/demo/standin/main.ts --port 0 --plugin --property x_closeloop.connector.url=http://…
// Prints one JSON line {"url","port","pid"} on stdout once listening; logs (JSON) go to stderr.
// SIGTERM or SIGINT closes it cleanly (snapshot written) and exits 0. Options: see cli-args.ts.
import { pino, destination } from 'pino';
import { parseStandinArgs } from './cli-args.js';
import { startStandin } from './server.js';

async function main(): Promise<void> {
  const { logLevel, ...options } = parseStandinArgs(process.argv.slice(2));
  const logger = pino({ name: 'servicenow-standin', level: logLevel }, destination(2));
  const standin = await startStandin({ ...options, logger });
  process.stdout.write(`${JSON.stringify({ url: standin.url, port: standin.port, pid: process.pid })}\n`);
  const stop = () => {
    standin.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stand-in did not close cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
