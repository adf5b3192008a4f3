/**
 * The line format the current prompts show incidents in: read back, it gives every record's
 * id, time, text and the incident's own fields, so a shorter prompt has lost nothing a model
 * could cite or state (alert payloads leave out only what the alert's line says).
 */
import { describe, expect, it } from 'vitest';
import { alertDetailsText, incidentPromptText, shortTime } from '../../../src/features/common/incident-prompt-data.js';
import { incidentPromptData } from '../../../src/features/common/incident-prompt-json.js';
import { sampleIncidents } from '../../../src/incidents/sample/index.js';
import type { Incident } from '../../../src/incidents/types.js';
import { countTokens } from '../../../src/eval/token-count.js';
import { incidentFromText } from '../../support/incident-prompt-text.js';

// What the line format does not carry: ids of people, the account, and payload values the line already says.
const comparable = (incident: Incident) => ({
  ...incident,
  accountId: null,
  number: null,
  private: null,
  services: incident.services.map((service) => service.name),
  assignees: incident.assignees.map((person) => ({ name: person.name, team: person.team })),
  logEntries: incident.logEntries.map(({ id, at, summary }) => ({ id, at, summary })),
  notes: incident.notes.map((note) => ({ id: note.id, at: note.at, author: note.author.name, content: note.content })),
  alerts: incident.alerts.map(({ body: _body, ...alert }) => alert),
});

describe('incident prompt text', () => {
  it('reads back to the same records, ids, times and texts for every sample incident', () => {
    for (const incident of sampleIncidents) {
      expect(comparable(incidentFromText(incidentPromptText(incident))), incident.id).toEqual(comparable(incident));
    }
  });

  it('writes times as HH:MM:SS on the incident day, +Nd after it', () => {
    expect(shortTime('2025-03-11T14:02:11Z', '2025-03-11')).toBe('14:02:11');
    expect(shortTime('2025-03-13T00:00:05Z', '2025-03-11')).toBe('00:00:05+2d');
    expect(shortTime('2025-03-10T23:59:00Z', '2025-03-11')).toBe('23:59:00-1d');
  });

  it('refers to an earlier identical log entry instead of repeating it, keeping both ids', () => {
    const base = sampleIncidents[0]!;
    const repeated = { ...base.logEntries[1]!, id: 'REPEAT-1', at: '2025-03-11T15:00:00Z' };
    const text = incidentPromptText({ ...base, logEntries: [...base.logEntries, repeated] });
    expect(text).toContain(`\nREPEAT-1 15:00:00 same as ${base.logEntries[1]!.id}`);
  });

  it('keeps payload values the alert line does not say, drops those it does', () => {
    const alert = { id: 'A1', at: '2025-03-11T14:02:11Z', severity: 'critical' as const, status: 'triggered' as const, source: 'prometheus', summary: 'PostgresInstanceDown: pg-payments-01.prod.internal:9187 on payments-api', body: { alertname: 'PostgresInstanceDown', severity: 'critical', instance: 'pg-payments-01.prod.internal:9187', namespace: 'payments', for: '30s' } };
    expect(alertDetailsText(alert)).toBe('namespace=payments; for=30s');
  });

  it('takes far fewer tokens than the same incident as JSON', () => {
    for (const incident of sampleIncidents) {
      expect(countTokens(incidentPromptText(incident)), incident.id).toBeLessThan(0.8 * countTokens(JSON.stringify(incidentPromptData(incident))));
    }
  });
});
