/**
 * What the answering fake OpenAI says in the evaluation tests. Status updates: a good answer
 * built by the extractive engine from the incident in the prompt, when the prompt has the
 * citation rules (`status-update/v1`, `v2`); a vague answer without facts or citations otherwise
 * (`status-update/v0-bad`), the way a model answers a prompt that never asked for them.
 * Judge requests: the longer candidate wins, in either order, so the judge is consistent.
 */
import type { Incident } from '../../../src/incidents/types.js';
import { extractStatusUpdate } from '../../../src/features/status-update/extractor.js';
import type { FakeBehaviour } from '../../fakes/openai-server.js';
import { incidentFromText } from '../../support/incident-prompt-text.js';
import type { ChatBody } from './answering-openai.js';

type PromptIncident = {
  id: string;
  title: string;
  description: string;
  status: Incident['status'];
  urgency: Incident['urgency'];
  priority: Incident['priority'];
  services: string[];
  createdAt: string;
  resolvedAt: string | null;
  assignees: { name: string; team: string | null }[];
  logEntries: { id: string; at: string; type: Incident['logEntries'][number]['type']; agent: string; summary: string }[];
  notes: { id: string; at: string; author: string; content: string }[];
  alerts: { id: string; at: string; severity: Incident['alerts'][number]['severity']; status: 'triggered' | 'resolved'; source: string; summary: string; details: Record<string, unknown> }[];
};

/**
 * The incident a status update prompt carries: its last section, in the line format
 * (current versions) or as JSON (`status-update/v0-bad`), fenced or not.
 */
export function incidentFromPrompt(content: string): Incident {
  const start = content.indexOf('{"id":');
  if (start === -1) {
    const text = content.slice(content.lastIndexOf('\nIncident ') + 1);
    const fenceClose = text.indexOf('\n<</UNTRUSTED_');
    return incidentFromText(fenceClose === -1 ? text : text.slice(0, fenceClose));
  }
  const fenceClose = content.indexOf('\n<</UNTRUSTED_', start);
  const data = JSON.parse(content.slice(start, fenceClose === -1 ? undefined : fenceClose)) as PromptIncident;
  return {
    id: data.id,
    accountId: 'demo',
    number: 0,
    title: data.title,
    description: data.description,
    status: data.status,
    urgency: data.urgency,
    priority: data.priority,
    services: data.services.map((name) => ({ id: name, name })),
    createdAt: data.createdAt,
    resolvedAt: data.resolvedAt,
    assignees: data.assignees.map((person) => ({ id: person.name, name: person.name, ...(person.team && { team: person.team }) })),
    private: false,
    logEntries: data.logEntries.map((entry) => ({ id: entry.id, at: entry.at, type: entry.type, agent: entry.agent, summary: entry.summary })),
    notes: data.notes.map((note) => ({ id: note.id, at: note.at, author: { id: note.author, name: note.author }, content: note.content })),
    alerts: data.alerts.map((alert) => ({ id: alert.id, at: alert.at, severity: alert.severity, status: alert.status, source: alert.source, summary: alert.summary, body: alert.details })),
  };
}

const userContent = (body: ChatBody): string => body.messages?.find((message) => message.role === 'user')?.content ?? '';
const systemContent = (body: ChatBody): string => body.messages?.find((message) => message.role === 'system')?.content ?? '';

/** A status update answer: good for prompts with citation rules, vague for the others. */
export function statusUpdateAnswer(body: ChatBody): FakeBehaviour {
  const content = userContent(body);
  const audience = /Audience: (PUBLIC|STAKEHOLDERS|RESPONDERS)/.exec(content)?.[1] ?? 'RESPONDERS';
  const good = extractStatusUpdate({ incident: incidentFromPrompt(content), input: { audience } });
  if (systemContent(body).includes('cites the records')) return { kind: 'ok', json: good };
  return {
    kind: 'ok',
    json: {
      ...good,
      title: 'Service issue',
      summary: { text: 'We are aware of an issue and are looking into it.', citations: [] },
      impact: { text: 'Some users may be affected.', citations: [] },
      actions: [],
    },
  };
}

const candidate = (content: string, label: 'A' | 'B'): string => {
  const match = new RegExp(`Candidate ${label}:\\n"""\\n([\\s\\S]*?)\\n"""`).exec(content);
  return match?.[1] ?? '';
};
const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** A judge verdict: the candidate with more words wins, equal lengths tie. */
export function judgeAnswer(body: ChatBody): FakeBehaviour {
  const content = userContent(body);
  const a = wordCount(candidate(content, 'A'));
  const b = wordCount(candidate(content, 'B'));
  const winner = a === b ? 'tie' : a > b ? 'A' : 'B';
  return { kind: 'ok', json: { winner, reasons: `Candidate A has ${a} words and B has ${b}; the fuller one is preferred.` } };
}

/** Routes a request to the answer for its structured output. */
export function scriptedAnswer(body: ChatBody): FakeBehaviour | null {
  switch (body.response_format?.json_schema?.name) {
    case 'status_update':
      return statusUpdateAnswer(body);
    case 'pairwise_verdict':
      return judgeAnswer(body);
    default:
      return null;
  }
}
