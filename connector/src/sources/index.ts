// The sources' public API: decoders for HTTP-posted kinds, and the SNMP and MQTT transports.
export { decodePayload, HTTP_SOURCE_KINDS } from './decode.js';
export type { DecodeError, DecodeOptions, DecodeResult } from './types.js';
export type { OnAlarms, SourceLogger } from './listener-types.js';
export { fieldMapProblems } from './mapped-record.js';
export { startSnmpListener, type SnmpListener, type SnmpListenerOptions } from './snmp/listener.js';
export { startMqttSource, type MqttSource, type MqttSourceOptions } from './mqtt/subscriber.js';
export {
  subscribe,
  listSubscriptions,
  deleteSubscription,
  type BmcConnection,
  type SubscribeOptions,
  type Subscription,
} from './redfish/subscribe.js';
