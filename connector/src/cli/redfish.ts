// `closeloop redfish subscribe|list|unsubscribe`: manage the event subscription on a BMC or CDU so it
// pushes its events to this connector's redfish source.
import fs from 'node:fs';
import { Command } from 'commander';
import { CliError, type CliContext } from './context.js';
import {
  deleteSubscription,
  listSubscriptions,
  subscribe,
  type BmcConnection,
} from '../sources/redfish/subscribe.js';

interface ConnOpts {
  bmc: string;
  user?: string;
  passwordEnv: string;
  ca?: string;
}

function connection(ctx: CliContext, o: ConnOpts): BmcConnection {
  const password = ctx.env[o.passwordEnv];
  if (!o.user) throw new CliError('--user is required (the BMC account)');
  if (!password) throw new CliError(`the BMC password is read from ${o.passwordEnv}, which is not set`);
  let url: URL;
  try {
    url = new URL(o.bmc);
  } catch {
    throw new CliError(`--bmc: "${o.bmc}" is not a URL (e.g. https://cdu-1.mgmt)`);
  }
  return {
    bmcUrl: url.toString().replace(/\/$/, ''),
    username: o.user,
    password,
    ...(o.ca ? { ca: fs.readFileSync(o.ca) } : {}),
  };
}

function withConn(cmd: Command): Command {
  return cmd
    .requiredOption('--bmc <url>', 'Redfish service root of the BMC/CDU, e.g. https://cdu-1.mgmt')
    .option('--user <name>', 'BMC account')
    .option(
      '--password-env <name>',
      'environment variable holding the BMC password',
      'CLOSELOOP_BMC_PASSWORD',
    )
    .option('--ca <file>', 'PEM file of the CA that signs the BMC certificate');
}

export function redfishCommand(ctx: CliContext): Command {
  const root = new Command('redfish').description('manage Redfish event subscriptions on BMCs and CDUs');
  root.addCommand(
    withConn(new Command('subscribe'))
      .description('subscribe the BMC to push events to the connector (idempotent per destination)')
      .requiredOption(
        '--destination <url>',
        'where the BMC posts, e.g. https://closeloop.example/v1/alarms/redfish',
      )
      .option('--registry <prefix...>', 'message registries to receive', [
        'SensorEvent',
        'Environmental',
        'ResourceEvent',
      ])
      .option(
        '--token-env <name>',
        "environment variable holding the redfish source's bearer token, sent by the BMC",
      )
      .action(async (o: ConnOpts & { destination: string; registry: string[]; tokenEnv?: string }) => {
        const token = o.tokenEnv ? ctx.env[o.tokenEnv] : undefined;
        if (o.tokenEnv && !token) throw new CliError(`--token-env: ${o.tokenEnv} is not set`);
        const r = await subscribe({
          ...connection(ctx, o),
          destination: o.destination,
          registryPrefixes: o.registry,
          ...(token ? { httpHeaders: { Authorization: `Bearer ${token}` } } : {}),
        });
        ctx.stdout(`${r.created ? 'subscribed' : 'already subscribed'}: ${r.uri} → ${o.destination}\n`);
      }),
  );
  root.addCommand(
    withConn(new Command('list'))
      .description('list event subscriptions on the BMC')
      .action(async (o: ConnOpts) => {
        const subs = await listSubscriptions(connection(ctx, o));
        if (subs.length === 0) ctx.stdout('no subscriptions\n');
        for (const s of subs) ctx.stdout(`${s.id}\t${s.destination}\n`);
      }),
  );
  root.addCommand(
    withConn(new Command('unsubscribe'))
      .description('delete a subscription by id or URI')
      .argument('<id>', 'subscription id or URI')
      .action(async (id: string, o: ConnOpts) => {
        const r = await deleteSubscription(connection(ctx, o), id);
        ctx.stdout(r.deleted ? `deleted ${id}\n` : `no subscription ${id}\n`);
      }),
  );
  return root;
}
