// Sends a built closure-check request with sn_ws.RESTMessageV2: directly with a socket timeout,
// or through a MID Server (asynchronous only: executeAsync, then waitForResponse). Never throws.
import { RESTMessageV2 } from '@servicenow/glide/sn_ws';
import type { ConnectorReply, ConnectorRequest } from '../closure/types.ts';
import { classifyTransportError } from '../closure/transport-errors.ts';

interface ResponseLike {
  getStatusCode(): number;
  getBody(): string;
  getErrorMessage(): string;
}

export function sendClosureCheck(request: ConnectorRequest): ConnectorReply {
  const transport = request.transport;
  try {
    const message = new RESTMessageV2();
    message.setEndpoint(request.url);
    message.setHttpMethod(request.method.toLowerCase());
    for (const name of Object.keys(request.headers)) message.setRequestHeader(name, request.headers[name]);
    message.setRequestBody(request.body);
    if (transport.kind === 'mid') {
      message.setMIDServer(transport.midServer);
      const response = message.executeAsync();
      // Throws when the MID Server has not answered within the wait.
      response.waitForResponse(transport.waitSeconds);
      return readResponse(response);
    }
    message.setHttpTimeout(transport.timeoutMs);
    return readResponse(message.execute());
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { kind: 'failure', reason: classifyTransportError(text), detail: text };
  }
}

function readResponse(response: ResponseLike): ConnectorReply {
  const statusCode = Number(response.getStatusCode());
  // Status 0 (or none) means no HTTP exchange happened; 4xx/5xx also set haveError but are answers.
  if (!(statusCode >= 100)) {
    const text = String(response.getErrorMessage() ?? '') || 'no HTTP response';
    return { kind: 'failure', reason: classifyTransportError(text), detail: text };
  }
  return { kind: 'response', statusCode, body: String(response.getBody() ?? '') };
}
