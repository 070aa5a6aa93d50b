/**
 * Front door of the violations module: what other modules, the app, seeds, scripts and tests may use. Anything not
 * exported here is internal to the module (eslint.config.js enforces it; see docs/architecture.md).
 */
import type {} from './tables.ts'; // the module's tables in the kernel's Database interface
export { VIOLATION_TYPES, severityOf, type ViolationType } from './types.ts';
export { ORGANISATION_TYPE_LABELS, recordViolation, scopeTitle, type Violation } from './service.ts';
export { addMonths, keySupervision, OPEN_STATUSES, planProposal, settleViolation, type CaseFacts, type CaseOutcome, type CaseRung, type CaseStatus } from './rules/cases.ts';
export { exemptFromCreditRecord, proposeRung, type LadderReason, type Rung } from './rules/ladder.ts';
export { appendCaseEvent, reassessOrganisation, supplementaryUploads, type ReassessResult } from './reassess.ts';
export { violationRoutes } from './routes.ts';
