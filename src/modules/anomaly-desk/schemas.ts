/** The error `code`s this module's routes can answer with besides the platform-wide ones (listed in /openapi.json). */
export const ERROR_CODES: readonly string[] = [
  'ANOMALIES_REQUIRED',
  'ANOMALY_ALREADY_DECIDED',
  'ANOMALY_NOT_FOUND',
  'ANOMALY_NOT_OPEN',
  'ANOMALY_ORIGINAL_NONE',
  'DECISION_REASON_REQUIRED',
  'IMAGE_THUMBNAIL_UNAVAILABLE',
  'NO_OPEN_ANOMALIES',
  'TOO_MANY_ANOMALIES',
];
