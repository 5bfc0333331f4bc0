export * from './types.js';
export { parseValue, isDcgmBlank } from './values.js';
export { createProvider, createProviders, closeProviders } from './create.js';
export { createPrometheusProvider, type PrometheusProviderConfig } from './prometheus/provider.js';
export { createRedfishProvider, type RedfishProviderConfig } from './redfish/provider.js';
export { createMqttProvider, type MqttProvider, type MqttProviderConfig } from './mqtt/provider.js';
