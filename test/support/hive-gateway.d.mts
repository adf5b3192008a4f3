/** A running in-process Hive Gateway (see hive-gateway.mjs). */
export interface HiveGateway {
  /** The gateway's GraphQL endpoint over HTTP. */
  url: string;
  /** The same endpoint for graphql-ws clients. */
  wsUrl: string;
  close(): Promise<void>;
}

/** Serves `supergraph`; subscriptions to the subgraph named `wsSubgraph` go over graphql-ws. */
export function startHiveGateway(supergraph: string, wsSubgraph: string): Promise<HiveGateway>;
