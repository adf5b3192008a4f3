/** Every program rule of the command policy, by program name. */
import type { Rule } from '../call.js';
import { cloudRules } from './cloud-rules.js';
import { containerRules } from './container-rules.js';
import { databaseRules } from './database-rules.js';
import { fileRules } from './file-rules.js';
import { hostRules } from './host-rules.js';
import { kubernetesRules } from './kubernetes-rules.js';
import { networkRules } from './network-rules.js';
import { shellRules } from './shell-rules.js';

// Later groups win on a shared name; shell rules come last because they compute output.
export const rules: ReadonlyMap<string, Rule> = new Map(
  Object.entries({ ...fileRules, ...hostRules, ...kubernetesRules, ...cloudRules, ...containerRules, ...networkRules, ...databaseRules, ...shellRules }),
);
