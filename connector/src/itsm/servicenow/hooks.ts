// What the client lets its caller observe: log lines (a pino logger fits) and one callback per HTTP
// answer, from which others build metrics. Neither ever receives headers or bodies.

export interface ServiceNowLogger {
  debug(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** One HTTP exchange with the instance. `status` is 0 when no answer came (network error, timeout). */
export interface ResponseObservation {
  operation: string;
  status: number;
  ms: number;
}

export type OnResponse = (observation: ResponseObservation) => void;

export const silentLogger: ServiceNowLogger = { debug: () => undefined, warn: () => undefined };
