import type express from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/index.js';
import type { Services } from '../graphql/context.js';

export interface SlackRoutesOptions {
  config: NonNullable<AppConfig['slack']>;
  services: Services;
  logger: Logger;
}

/** Mounts `/slack/events` (Events API and the slash command). */
export function createSlackRoutes(_options: SlackRoutesOptions): (app: express.Express) => void {
  return () => {};
}
