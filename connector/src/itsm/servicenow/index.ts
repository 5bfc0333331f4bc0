// The ServiceNow Table API integration: what other modules import.
export { createServiceNowClient } from './client.js';
export type { ServiceNowClient, ServiceNowClientOptions, VerdictUpsert } from './client.js';
export { deliverOperation, missingReferenceNote, toDeliveryResult } from './deliver.js';
export type { DeliveryInput } from './deliver.js';
export { runDoctor } from './doctor.js';
export type { DoctorCheck, DoctorInput } from './doctor.js';
export { ServiceNowError, isRetryableStatus, isServiceNowError, parseRetryAfter } from './errors.js';
export type { ServiceNowErrorKind } from './errors.js';
export type { OnResponse, ResponseObservation, ServiceNowLogger } from './hooks.js';
export { correlationIdProblem, MAX_CORRELATION_ID } from './query.js';
export type { FieldValues, IncidentRecord, TableRecord } from './types.js';
