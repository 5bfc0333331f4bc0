// closeloop.yaml `telemetry.providers` → live providers by name.
import type { ProviderConfig } from '../config/schema.js';
import { createMqttProvider } from './mqtt/provider.js';
import { createPrometheusProvider } from './prometheus/provider.js';
import { createRedfishProvider } from './redfish/provider.js';
import type { TelemetryProvider } from './types.js';

export function createProvider(name: string, cfg: ProviderConfig): TelemetryProvider {
  switch (cfg.kind) {
    case 'prometheus':
      return createPrometheusProvider(name, cfg);
    case 'redfish':
      return createRedfishProvider(name, cfg);
    case 'mqtt':
      return createMqttProvider(name, cfg);
  }
}

/** One provider per configured name. Construction does no I/O except MQTT, which connects in the background. */
export function createProviders(configs: Record<string, ProviderConfig>): Map<string, TelemetryProvider> {
  return new Map(Object.entries(configs).map(([name, cfg]) => [name, createProvider(name, cfg)]));
}

/** Close every provider; failures are ignored (shutdown must finish). */
export async function closeProviders(providers: Map<string, TelemetryProvider>): Promise<void> {
  await Promise.allSettled([...providers.values()].map((p) => p.close()));
}
