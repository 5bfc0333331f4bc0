import '@servicenow/sdk/global';
import { Alias } from '@servicenow/sdk/core';

// Where the connector is and how to authenticate, kept where ServiceNow admins manage such things
// (Connections & Credentials): an HTTP(s) connection (URL, MID Server) with an API key credential.
// No retries: a closure waits on this call, and the circuit breaker handles a dead connector.
export const connectorAlias = Alias({
  $id: Now.ID['alias-connector'],
  name: 'Closeloop Connector',
  type: 'connection',
  connectionType: 'httpConnection',
  retryPolicy: '',
  description:
    'The Closeloop connector the closure guard asks for live telemetry verdicts: an HTTP connection (https URL, or a MID Server) with an API Key credential (sent as X-API-Key).',
});
