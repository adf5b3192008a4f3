/** The standard middleware list, outermost first; `app.ts` spells the same list out. */
import type { LlmManagerOptions } from '../manager-options.js';
import { dataPolicyMiddleware } from './data-policy.js';
import { messageCaptureMiddleware } from './message-capture.js';
import { redactionMiddleware } from './redaction.js';
import type { LlmMiddleware } from './types.js';

/** Redaction, then the data policy and message capture when the options ask for them. */
export function defaultMiddleware(options: Pick<LlmManagerOptions, 'metrics' | 'dataPolicy' | 'captureMessageContent'>): LlmMiddleware[] {
  return [
    redactionMiddleware({ ...(options.metrics && { metrics: options.metrics }) }),
    ...(options.dataPolicy ? [dataPolicyMiddleware(options.dataPolicy)] : []),
    ...(options.captureMessageContent
      ? [messageCaptureMiddleware({ enabled: true, ...(options.dataPolicy && { dataPolicy: options.dataPolicy }) })]
      : []),
  ];
}
