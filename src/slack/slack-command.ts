/**
 * The `/incident-ai` slash command: `link <incident id>` ties the channel to an incident (the
 * assistant answers mentions there about it), `unlink` removes that, `status` tells which
 * incident the channel is linked to, anything else shows the usage.
 */

/** The slash command's name, as configured in the Slack app. */
export const slackCommandName = '/incident-ai';

/** A parsed command. */
export type SlackCommand =
  | { action: 'link'; incidentId: string }
  | { action: 'unlink' }
  | { action: 'status' }
  | { action: 'help'; problem: string | null };

// PagerDuty ids are letters and digits; other sources add dashes and underscores.
const incidentIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Parses the text after the command name. */
export function parseSlackCommand(text: string): SlackCommand {
  const [action = '', ...rest] = text.trim().split(/\s+/).filter((word) => word.length > 0);
  switch (action.toLowerCase()) {
    case 'link': {
      const [incidentId, extra] = rest;
      if (!incidentId) return { action: 'help', problem: 'Name the incident to link, e.g. `link PDEMO01`.' };
      if (extra !== undefined || !incidentIdPattern.test(incidentId)) return { action: 'help', problem: `"${incidentId}${extra ? ' …' : ''}" is not an incident id.` };
      return { action: 'link', incidentId };
    }
    case 'unlink':
      return { action: 'unlink' };
    case 'status':
      return { action: 'status' };
    case '':
    case 'help':
      return { action: 'help', problem: null };
    default:
      return { action: 'help', problem: `Unknown command "${action}".` };
  }
}

/** How to use the command. */
export const slackCommandUsage = [
  `\`${slackCommandName} link <incident id>\`: answer questions in this channel about that incident`,
  `\`${slackCommandName} unlink\`: stop`,
  `\`${slackCommandName} status\`: which incident this channel is linked to`,
  'Then mention the app with a question, e.g. "@incident-ai what caused the failover?"; it answers in the thread.',
].join('\n');
