import '@servicenow/sdk/global';
import { Role } from '@servicenow/sdk/core';

// The only way past a block: resolve with a written justification ("Resolve despite telemetry").
export const closureOverrideRole = Role({
  name: 'x_closeloop.closure_override',
  description:
    'May resolve an incident that Closeloop telemetry does not support, with a written justification that is audited.',
});

// Grant to the connector's integration user: it writes pushed verdicts through the Table API.
export const connectorRole = Role({
  name: 'x_closeloop.connector',
  description:
    'Closeloop connector integration user: reads and writes x_closeloop_verdict through the Table API.',
});
