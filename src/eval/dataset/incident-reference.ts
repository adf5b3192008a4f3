/**
 * Incidents named in a case table: a sample incident by id (`PDEMO02`), or an evaluation
 * scenario at one of its stages (`EVINC03@monitoring`).
 */
import { sampleIncidents } from '../../incidents/sample/index.js';
import type { Incident } from '../../incidents/types.js';
import { incidentAt, type Stage } from './incident-builder.js';
import { scenarioById } from './incident-scenarios.js';

/** The incident `reference` names; null for null. Throws on an unknown sample id or scenario. */
export function incidentOf(reference: string | null): Incident | null {
  if (reference === null) return null;
  const [id, stage] = reference.split('@');
  if (!stage) {
    const sample = sampleIncidents.find((incident) => incident.id === id);
    if (!sample) throw new Error(`no sample incident ${id}`);
    return sample;
  }
  return incidentAt(scenarioById(id!).scenario, stage as Stage);
}
