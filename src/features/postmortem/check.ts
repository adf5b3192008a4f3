/**
 * What a schema-valid postmortem can still get wrong about its incident, beyond citations to
 * unknown ids (common/citation-check.ts): timeline times that are not the times of the
 * records cited, a timeline out of order, excerpts that do not quote their record, services
 * and owner teams the incident does not name. Each problem is one line of the repair prompt.
 */
import type { Incident } from '../../incidents/types.js';
import type { Citation } from '../common/citation.js';
import type { CondensedEvent } from './condensed-timeline.js';
import { instantOf } from './iso-time.js';
import type { PostmortemOutput } from './output-schema.js';
import { indexRecords, quotes, recordOf, type RecordIndex } from './record-index.js';
import { clipText } from './timeline-selection.js';

/** How far a timeline time may be from the records it cites (models round to the minute). */
const timeSlackMs = 60_000;

/**
 * Problems of `citations` beyond unknown ids: excerpts that are not quotes of the cited
 * record. `path` names the statement in the problem lines.
 */
export function excerptProblems(citations: readonly Citation[], index: RecordIndex, path: string): string[] {
  const problems: string[] = [];
  for (const citation of citations) {
    const record = recordOf(index, citation);
    if (record && !quotes(record, citation.excerpt)) {
      problems.push(`${path} gives the excerpt "${clipText(citation.excerpt, 80)}" for ${citation.sourceType} "${citation.sourceId}", which is not a verbatim quote of that record`);
    }
  }
  return problems;
}

/**
 * Whether `at` is the time of what `citations` name: between the earliest and the latest
 * cited record (or condensed event that cites the same entries), give or take a minute.
 */
export function timeMatches(at: string, citations: readonly Citation[], index: RecordIndex, condensed: readonly CondensedEvent[] = []): boolean {
  const instant = instantOf(at);
  if (instant === null) return false;
  const ids = new Set(citations.map((citation) => `${citation.sourceType}/${citation.sourceId}`));
  const times = citations.flatMap((citation) => {
    const record = recordOf(index, citation);
    return record ? [Date.parse(record.at)] : [];
  });
  for (const event of condensed) {
    if (event.citations.some((citation) => ids.has(`${citation.sourceType}/${citation.sourceId}`))) times.push(Date.parse(event.at));
  }
  // No known record: the citation check reports that already.
  if (times.length === 0) return true;
  return instant >= Math.min(...times) - timeSlackMs && instant <= Math.max(...times) + timeSlackMs;
}

function teamsOf(incident: Incident): string[] {
  const teams = [...incident.assignees, ...incident.notes.map((note) => note.author)].map((person) => person.team).filter((team): team is string => Boolean(team));
  return [...new Set(teams)];
}

/** Every citation of the output with the path of the statement that holds it. */
function citationsByPath(output: PostmortemOutput): [string, Citation[]][] {
  return [
    ['summary', output.summary.citations],
    ['impact.duration', output.impact.duration.citations],
    ['impact.customerEffect', output.impact.customerEffect.citations],
    ['detection', output.detection.citations],
    ...output.timeline.map((event, index): [string, Citation[]] => [`timeline[${index}]`, event.citations]),
    ...output.contributingFactors.map((factor, index): [string, Citation[]] => [`contributingFactors[${index}]`, factor.citations]),
    ['rootCause', output.rootCause.citations],
    ['resolution', output.resolution.citations],
    ...output.actionItems.map((item, index): [string, Citation[]] => [`actionItems[${index}]`, item.citations]),
  ];
}

/** The problems of a schema-valid postmortem; empty when it is consistent with its incident. */
export function checkPostmortem(output: PostmortemOutput, incident: Incident, condensed: readonly CondensedEvent[] = []): string[] {
  const index = indexRecords(incident);
  const problems: string[] = [];

  const services = new Map(incident.services.map((service) => [service.name.toLowerCase(), service.name]));
  for (const service of output.impact.services) {
    if (!services.has(service.trim().toLowerCase())) {
      problems.push(`impact.services names "${clipText(service, 60)}", which is not a service of the incident (${[...services.values()].join(', ')})`);
    }
  }

  let previous: number | null = null;
  output.timeline.forEach((event, position) => {
    const instant = instantOf(event.at);
    if (!timeMatches(event.at, event.citations, index, condensed)) {
      problems.push(`timeline[${position}].at ${event.at} is not the time of the records it cites; copy the \`at\` of a cited record`);
    }
    if (instant !== null && previous !== null && instant < previous) {
      problems.push(`timeline[${position}] is earlier than timeline[${position - 1}]; keep the timeline oldest first`);
    }
    if (instant !== null) previous = instant;
  });

  for (const [path, citations] of citationsByPath(output)) problems.push(...excerptProblems(citations, index, path));

  const teams = teamsOf(incident);
  const known = new Set(teams.map((team) => team.toLowerCase()));
  output.actionItems.forEach((item, position) => {
    if (item.ownerTeam !== null && !known.has(item.ownerTeam.trim().toLowerCase())) {
      problems.push(
        `actionItems[${position}].ownerTeam "${clipText(item.ownerTeam, 60)}" is not a team named in the incident data; use one of ${teams.length > 0 ? teams.map((team) => `"${team}"`).join(', ') : 'none'} or null`,
      );
    }
  });
  return problems;
}
