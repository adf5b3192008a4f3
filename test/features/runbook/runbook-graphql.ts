/** The GraphQL documents and result shapes the runbook integration tests share. */

export const runbookFields = /* GraphQL */ `
  id kind state incidentId text request name jobDescription requestedClass requiresApproval matched approvalReasons rundeckYaml keepGoing nodeFilter unverifiedCount
  options { name description required defaultValue }
  steps { order description kind command beyondRequest safety { class reasons } }
  generation { provider model promptVersion degraded attempts }
`;

export const generateRunbookJob = /* GraphQL */ `
  mutation Generate($input: GenerateRunbookJobInput!) {
    generateRunbookJob(input: $input) { ${runbookFields} }
  }
`;

export const draftQuery = /* GraphQL */ `
  query Draft($id: ID!) {
    draft(id: $id) { ... on RunbookJobDraft { ${runbookFields} } }
  }
`;

export interface RunbookDraft {
  id: string;
  kind: string;
  state: string;
  incidentId: string | null;
  text: string;
  request: string;
  name: string | null;
  jobDescription: string | null;
  requestedClass: string | null;
  requiresApproval: boolean | null;
  matched: boolean;
  approvalReasons: string[] | null;
  rundeckYaml: string | null;
  keepGoing: boolean | null;
  nodeFilter: string | null;
  unverifiedCount: number;
  options: { name: string; description: string; required: boolean; defaultValue: string | null }[] | null;
  steps: { order: number; description: string; kind: string; command: string; beyondRequest: boolean; safety: { class: string; reasons: string[] } }[] | null;
  generation: { provider: string; model: string; promptVersion: string; degraded: boolean; attempts: number } | null;
}
