import '@servicenow/sdk/global';
import { Role } from '@servicenow/sdk/core';

// The only way past a block: resolve with a written justification ("Resolve despite telemetry").
export const closureOverrideRole = Role({
  name: 'x_closeloop.closure_override',
  description:
    'May resolve or close a guarded record that Closeloop telemetry does not support, with a written justification that is audited.',
});

// Grant to the connector's integration user only: it writes pushed verdicts through the Table API,
// may change the correlation fields of guarded records, and its resolve rides on its pushed pass.
export const connectorRole = Role({
  name: 'x_closeloop.connector',
  description:
    'Closeloop connector integration user: writes x_closeloop_verdict through the Table API and manages the correlation fields of guarded records. Not for people.',
});

// Read the closure audit, override requests and verdicts (auditors, service owners).
export const auditorRole = Role({
  name: 'x_closeloop.auditor',
  description: 'Reads the Closeloop closure audit, override requests and pushed verdicts.',
});

// Configure the guard: guarded tables, properties, the connector state.
export const appAdminRole = Role({
  name: 'x_closeloop.admin',
  description: 'Configures the Closeloop closure guard (guarded tables, properties) and reads everything it records.',
  containsRoles: [auditorRole],
});
