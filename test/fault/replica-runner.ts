// A replica in its own process, so a test can SIGKILL it: `node --import tsx replica-runner.ts '<json>'`
// with a ReplicaConfig. Prints one line `READY {"url":…,"pid":…}` when it serves; SIGTERM stops it.
import { ReplicaConfigSchema, startReplica } from './support/replica.js';

const config = ReplicaConfigSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
const replica = await startReplica(config);
process.stdout.write(`READY ${JSON.stringify({ url: replica.url, pid: process.pid })}\n`);
process.once('SIGTERM', () => {
  void replica.close().finally(() => process.exit(0));
});
