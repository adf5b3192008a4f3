/**
 * How prose says where an incident stands, for labels: a status update for a resolved
 * incident must say so in one of these ways.
 */
import type { Stage } from './incident-builder.js';

export const phaseWords: Record<Stage, string[]> = {
  investigating: ['investigating', 'looking into', 'working to find', 'working to identify'],
  identified: ['identified', 'found the cause', 'know the cause', 'cause is known'],
  monitoring: ['monitoring', 'watching', 'fix has been applied', 'fix is in place', 'fix has been deployed', 'recovering'],
  resolved: ['resolved', 'restored', 'recovered', 'back to normal', 'operating normally', 'working normally', 'fixed'],
};
