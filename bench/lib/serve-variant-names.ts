// Names of the diagnostic store variants serve-variant.ts can run (kept apart so importing them does
// not start a connector).
export const VARIANTS = ['sqlite-synchronous-normal'] as const;
export type Variant = (typeof VARIANTS)[number];
