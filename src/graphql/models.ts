import type { UsageSummaryRow } from '../store/types.js';

/** What this subgraph knows of an Incident entity: its key. */
export interface IncidentRef {
  id: string;
}

/** What this subgraph knows of a RunbookJob entity: its key. */
export interface RunbookJobRef {
  id: string;
}

export interface UsageReportModel {
  /** The caller's account: the report's grouped fields (breakdown, guard hits...) read it. */
  accountId: string;
  from: string;
  to: string;
  rows: UsageSummaryRow[];
}

export type { ProviderHealth as ProviderHealthModel } from '../llm/generation.js';
