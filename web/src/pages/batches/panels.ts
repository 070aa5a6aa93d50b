import { createElement, type ReactNode } from 'react';
import { BatchDeadlinePanel } from '../deadlines/BatchDeadlinePanel.tsx';
import { BatchReportPanel } from '../reports/BatchReportPanel.tsx';
import type { BatchDetail } from './api.ts';

/**
 * Extra cards on the batch page (/batches/:id), below its tabs: the extension point for features built beside the
 * batches (deadline handling and the report lock, reports). Each adds one entry here; `render` gets the batch as
 * loaded and `reload` to fetch it again after a change; each panel draws its own card. Shown in this order; return null
 * to show nothing for a batch.
 */
export interface BatchPanel {
  key: string;
  render(batch: BatchDetail, reload: () => void): ReactNode;
}

export const BATCH_PANELS: BatchPanel[] = [
  { key: 'deadline', render: (batch, reload) => createElement(BatchDeadlinePanel, { batch, onChange: reload }) },
  { key: 'report', render: (batch, reload) => createElement(BatchReportPanel, { batch, onGenerated: reload }) },
];
