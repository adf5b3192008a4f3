/**
 * The query the `graphql` driver sends to the router when the operator gives none
 * (`INCIDENTS_GRAPHQL_QUERY_FILE`): one request for a batch of ids, the incident shape
 * documented in docs/deployment.md ("Supergraph incident source"). An operator's own document
 * must take `$ids: [ID!]!` and answer `data.incidents` with these field names (aliases map
 * another schema onto them); ids it does not return are not found.
 */
export const defaultIncidentQuery = /* GraphQL */ `
  query IncidentAiIncidents($ids: [ID!]!) {
    incidents(ids: $ids) {
      id
      number
      title
      description
      status
      urgency
      priority
      createdAt
      resolvedAt
      private
      services { id name }
      assignees { id name team }
      logEntries { id type at agent summary }
      notes { id at content author { id name team } }
      alerts { id at severity status summary source body }
    }
  }
`;
