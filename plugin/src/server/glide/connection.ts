// Where the connector is: the Connection & Credential alias x_closeloop.Closeloop_Connector when an
// admin has given it an active HTTP connection (URL, MID Server, API key credential), otherwise the
// legacy properties. Validation (https unless through a MID) is closure/settings.ts's.
import * as snCc from '@servicenow/glide/sn_cc';
import type { ConnectorEndpoint } from '../closure/types.ts';
import { CONNECTION_ALIAS, PROPERTY } from '../closure/names.ts';
import { readProperty } from './properties.ts';
import { midServerName } from './mid-server.ts';

interface ConnectionInfo {
  getAttribute(name: string): string;
  getCredentialAttribute(name: string): string;
}
interface ConnectionInfoProvider {
  getConnectionInfo(aliasId: string): ConnectionInfo | null;
}

/** The platform's scoped class is sn_cc.ConnectionInfoProvider (the SDK's typings name it ConnectionProvider). */
function provider(): ConnectionInfoProvider | null {
  const namespace = snCc as unknown as Record<string, (new () => ConnectionInfoProvider) | undefined>;
  const Provider = namespace.ConnectionInfoProvider ?? namespace.ConnectionProvider;
  return Provider ? new Provider() : null;
}

export function connectorEndpoint(): ConnectorEndpoint | null {
  const fromAlias = aliasEndpoint();
  if (fromAlias) return fromAlias;
  const url = readProperty(PROPERTY.connectorUrl) ?? '';
  const apiKey = readProperty(PROPERTY.apiKey) ?? '';
  const midServer = readProperty(PROPERTY.midServer) ?? '';
  if (!url.trim() && !apiKey.trim()) return null;
  return { url, apiKey, midServer, origin: 'properties' };
}

function aliasEndpoint(): ConnectorEndpoint | null {
  const connections = provider();
  if (!connections) return null;
  const info = connections.getConnectionInfo(CONNECTION_ALIAS);
  if (!info) return null;
  const url = text(info.getAttribute('connection_url'));
  if (!url.trim()) return null;
  const useMid = /^(true|1)$/i.test(text(info.getAttribute('use_mid')));
  const midServer = useMid ? midServerName(text(info.getAttribute('mid_server'))) : '';
  return { url, apiKey: text(info.getCredentialAttribute('api_key')), midServer, origin: 'alias' };
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
