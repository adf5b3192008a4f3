/**
 * The incident drivers this build includes, by the name the sources file uses. Adding a
 * driver is one line here plus its folder under src/incidents/.
 */
import type { DriverFactories } from './incident-driver.js';
import { createGraphqlDriver } from './graphql/graphql-driver.js';
import { createPagerDutyDriver } from './pagerduty/pagerduty-driver.js';
import { createRundeckDriver } from './rundeck/rundeck-driver.js';

export const incidentDriverFactories: DriverFactories = {
  pagerduty: createPagerDutyDriver,
  rundeck: (settings, context) => createRundeckDriver(settings, context),
  graphql: createGraphqlDriver,
};
