/**
 * `POST /webhooks/pagerduty`: PagerDuty V3 webhook subscriptions. A request whose signature
 * does not verify is refused with 401 before its body is read as JSON. An `incident.*` event
 * drops the cached incident for every account served by PagerDuty (ids are PagerDuty's, so
 * only the account that has it ever had it cached); with `autoPostmortem`, an
 * `incident.resolved` starts a postmortem draft for the accounts that asked for it.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Principal } from '../guard/auth/principal.js';
import type { SourceRegistry } from '../incidents/source-registry.js';
import { verifyPagerDutySignature } from '../incidents/pagerduty/webhook-signature.js';
import type { MountRoutes } from './lazy-express.js';

export const pagerDutyWebhookPath = '/webhooks/pagerduty';
/** PagerDuty's webhook payloads are a few KiB. */
export const maxWebhookBodyBytes = 256 * 1024;

const webhookBody = z.object({
  event: z.object({
    id: z.string().optional(),
    event_type: z.string(),
    resource_type: z.string().optional(),
    data: z.object({ id: z.string().min(1) }).passthrough(),
  }),
});

export interface PagerDutyWebhookOptions {
  secret: string;
  registry: SourceRegistry;
  /** Accounts whose incidents PagerDuty serves, with their auto-postmortem setting. */
  accounts: readonly { accountId: string; autoPostmortem: boolean }[];
  /** Starts a postmortem draft (the service's postmortem feature). */
  startPostmortem(principal: Principal, incidentId: string): Promise<unknown>;
  logger: Logger;
}

export function createPagerDutyWebhookRoutes(options: PagerDutyWebhookOptions): MountRoutes {
  const logger = options.logger.child({ component: 'pagerduty-webhook' });
  // express is handed in by the mount: it is imported only once a request needs it (lazy-express.ts).
  return (app, express) => {
    app.post(pagerDutyWebhookPath, express.raw({ type: () => true, limit: maxWebhookBodyBytes }), (request, response) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const verified = verifyPagerDutySignature(options.secret, request.header('x-pagerduty-signature'), raw);
      if (verified.verdict === 'deny') {
        logger.warn({ reason: verified.reason, signatures: verified.data.signatures }, 'pagerduty webhook refused');
        response.status(401).json({ error: 'invalid signature' });
        return;
      }
      let parsed;
      try {
        parsed = webhookBody.safeParse(JSON.parse(raw.toString('utf8')));
      } catch {
        parsed = null;
      }
      if (!parsed?.success) {
        response.status(400).json({ error: 'not a PagerDuty V3 webhook payload' });
        return;
      }
      const { event } = parsed.data;
      if (!event.event_type.startsWith('incident.')) {
        response.status(204).end();
        return;
      }
      const incidentId = event.data.id;
      // The cache is dropped before answering (a cache delete is quick), so the next read after
      // the acknowledgement sees PagerDuty's state; a postmortem runs after the answer.
      Promise.all(options.accounts.map(({ accountId }) => options.registry.invalidate(accountId, incidentId))).then(
        () => {
          logger.info({ eventType: event.event_type, incidentId }, 'cached incident invalidated');
          response.status(202).end();
          if (event.event_type === 'incident.resolved') {
            void startPostmortems(incidentId).catch((error: unknown) => logger.error({ err: error, incidentId }, 'postmortem on resolution failed'));
          }
        },
        (error: unknown) => {
          logger.error({ err: error, incidentId }, 'pagerduty webhook: invalidation failed');
          response.status(500).end();
        },
      );
    });
  };

  async function startPostmortems(incidentId: string): Promise<void> {
    for (const { accountId, autoPostmortem } of options.accounts) {
      if (!autoPostmortem) continue;
      const principal: Principal = { accountId, userId: 'pagerduty-webhook', scopes: new Set(['ai:read', 'ai:write']), method: 'system' };
      // NOT_FOUND for accounts that do not have the incident: expected, quiet.
      await options.startPostmortem(principal, incidentId).then(
        () => logger.info({ accountId, incidentId }, 'postmortem started on resolution'),
        (error: unknown) => logger.debug({ err: error, accountId, incidentId }, 'no postmortem started'),
      );
    }
  }
}
