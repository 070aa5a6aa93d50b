import type { Me } from '../../types.ts';
import type { BatchStatus, BatchSummary } from './api.ts';

/**
 * Which batch actions the console offers to whom. The server decides every one (and says why it refuses); these only
 * keep buttons away from people who could never use them, so a department officer sees a read-only batch.
 */
const inAgency = (me: Me, b: Pick<BatchSummary, 'agency'>) => me.organisation?.id === b.agency.id;
const takesUploads = (s: BatchStatus) => s === 'opened' || s === 'uploading' || s === 'completed';
const closed = (s: BatchStatus) => s === 'reviewed' || s === 'reported';

export const batchCan = {
  /** Testers and upload owners of an agency open batches. */
  open: (me: Me) => me.organisation?.type === 'agency' && me.roles.some((r) => r === 'tester' || r === 'upload_owner'),
  operate: (me: Me, b: BatchSummary) => inAgency(me, b) && me.roles.some((r) => r === 'tester' || r === 'upload_owner'),
  upload: (me: Me, b: BatchSummary) => batchCan.operate(me, b) && takesUploads(b.status),
  complete: (me: Me, b: BatchSummary) => batchCan.operate(me, b) && (b.status === 'opened' || b.status === 'uploading'),
  seal: (me: Me, b: BatchSummary) => inAgency(me, b) && me.roles.includes('upload_owner') && b.status === 'completed',
  review: (me: Me, b: BatchSummary) => inAgency(me, b) && me.roles.includes('reviewer') && b.status === 'sealed',
  attest: (me: Me, b: BatchSummary) => me.roles.includes('witness') && !closed(b.status),
  /** The server checks the witness is registered for the project and flags one the batch does not name. */
  checkIn: (me: Me, b: BatchSummary) => me.roles.includes('witness') && takesUploads(b.status),
  /** A correction is a new version of a record, so it goes where uploads go. */
  correct: (me: Me, b: BatchSummary) => batchCan.upload(me, b),
  grantManualEntry: (me: Me, b: BatchSummary) => me.roles.includes('dept_officer') && takesUploads(b.status),
  acknowledge: (me: Me) => me.roles.includes('dept_officer'),
};
