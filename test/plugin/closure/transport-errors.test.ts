import { expect } from 'chai';
import { loadClosureModules } from '../support/plugin-modules.js';

const { transportErrors } = loadClosureModules();

describe('plugin closure/transport-errors', () => {
  it('sorts direct and MID failure texts into timeout or unreachable', () => {
    const cases: [string, 'timeout' | 'unreachable'][] = [
      ['java.net.SocketTimeoutException: Read timed out', 'timeout'],
      ['No response for ECC message request with sysid=abc after waiting for 8 seconds', 'timeout'],
      ['Request timeout', 'timeout'],
      ['java.net.ConnectException: Connection refused', 'unreachable'],
      ['java.net.UnknownHostException: closeloop.example', 'unreachable'],
      ['', 'unreachable'],
    ];
    for (const [text, kind] of cases) expect(transportErrors.classifyTransportError(text), text).to.equal(kind);
  });
});
