/**
 * Which alert payloads an assistant prompt shows. An alert's line (rule, severity, status,
 * source, summary) answers most questions; its payload (labels, values, links) costs more tokens
 * than the rest of the incident together on some incidents. It is shown when the question asks
 * about something only the payload names: a content word of the question (stemmed, as the offline
 * assistant matches them) among the payload's keys and values.
 */
import type { Alert } from '../../incidents/types.js';
import { alertDetailsText } from '../common/incident-prompt-data.js';
import { questionTerms, stemsOf } from './relevance.js';

/** A predicate for `incidentPromptText`'s `alertDetails`: true for the alerts whose payload the question asks about. */
export function payloadsAskedAbout(question: string): (alert: Alert) => boolean {
  const asked = new Set(questionTerms(question).filter((term) => term.content).map((term) => term.stem));
  if (asked.size === 0) return () => false;
  return (alert) => {
    // Keys are written in snake or camel case (runbook_url, generatorURL): their parts are words too.
    const payload = alertDetailsText(alert).replace(/[_=]/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
    return stemsOf(payload).some((payloadStem) => asked.has(payloadStem));
  };
}
